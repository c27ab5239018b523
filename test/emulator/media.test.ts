import { eventually, useEmulator } from '../support/emulator';
import { useFakeService } from '../support/fake-service';

const t = useEmulator();
const fake = useFakeService(t);

const FROM = '+14155550100';

/** A GET to the emulator (redirects not followed), with the account's credentials unless told otherwise. */
async function get(
  url: string,
  auth = true,
): Promise<{ status: number; location: string | null; type: string | null; bytes: Buffer }> {
  const { emu } = t();
  const headers: Record<string, string> = auth
    ? { Authorization: `Basic ${Buffer.from(`${emu.accountSid}:${emu.authToken}`).toString('base64')}` }
    : {};
  const res = await fetch(url, { headers, redirect: 'manual' });
  return {
    status: res.status,
    location: res.headers.get('location'),
    type: res.headers.get('content-type'),
    bytes: Buffer.from(await res.arrayBuffer()),
  };
}

const contentUrl = (uri: string): string => `${t().url}/api${uri.replace(/\.json$/, '')}`;

describe('emulated Message Media through the twilio SDK', () => {
  it('stores one Media item per MediaUrl of an outbound MMS, in order, and fetches and deletes them', async () => {
    const { client } = t();
    const m = await client.messages.create({
      to: '+14155559999',
      from: FROM,
      body: 'pictures',
      mediaUrl: ['https://example.com/cat.jpg', 'https://example.com/chart.png?v=2', 'https://example.com/wave.gif'],
    });
    expect(m.subresourceUris.media).toBe(`/2010-04-01/Accounts/${t().emu.accountSid}/Messages/${m.sid}/Media.json`);

    const media = await client.messages(m.sid).media.list();
    expect(media.map((x) => x.contentType)).toEqual(['image/jpeg', 'image/png', 'image/gif']);
    for (const x of media) {
      expect(x.sid).toMatch(/^ME[0-9a-f]{32}$/);
      expect(x).toMatchObject({ accountSid: t().emu.accountSid, parentSid: m.sid });
      expect(x.uri).toBe(`/2010-04-01/Accounts/${t().emu.accountSid}/Messages/${m.sid}/Media/${x.sid}.json`);
      expect(x.dateCreated).toBeInstanceOf(Date);
    }

    const png = await client.messages(m.sid).media(media[1].sid).fetch();
    expect(png.contentType).toBe('image/png');
    expect(png.dateCreated).toEqual(media[1].dateCreated);

    await expect(client.messages(m.sid).media(media[0].sid).remove()).resolves.toBe(true);
    expect((await client.messages(m.sid).media.list()).map((x) => x.sid)).toEqual([media[1].sid, media[2].sid]);
    await expect(client.messages(m.sid).media(media[0].sid).fetch()).rejects.toMatchObject({ status: 404, code: 20404 });
    await expect(client.messages(m.sid).media(media[0].sid).remove()).rejects.toMatchObject({ status: 404, code: 20404 });
    // Media belongs to its message: another message's path does not find it.
    const other = await client.messages.create({ to: '+14155559999', from: FROM, body: 'no media' });
    expect(await client.messages(other.sid).media.list()).toEqual([]);
    await expect(client.messages(other.sid).media(media[1].sid).fetch()).rejects.toMatchObject({ status: 404 });
  });

  it('pages and filters by DateCreated', async () => {
    const { client } = t();
    const mediaUrl = Array.from({ length: 5 }, (_, i) => `https://example.com/${i}.jpg`);
    const m = await client.messages.create({ to: '+14155559999', from: FROM, mediaUrl });
    const page = await client.messages(m.sid).media.page({ pageSize: 2 });
    expect(page.instances).toHaveLength(2);
    const next = await page.nextPage();
    expect(next?.instances).toHaveLength(2);
    expect(await client.messages(m.sid).media.list({ dateCreatedAfter: new Date(Date.now() + 3600_000) })).toEqual([]);
    expect(await client.messages(m.sid).media.list({ dateCreatedBefore: new Date(Date.now() + 3600_000) })).toHaveLength(5);
  });

  it('serves the content with the account credentials: a 307 to a short-lived URL that serves the file', async () => {
    const { client } = t();
    const m = await client.messages.create({ to: '+14155559999', from: FROM, mediaUrl: ['https://example.com/chart.png'] });
    const [item] = await client.messages(m.sid).media.list();
    const url = contentUrl(item.uri);

    expect((await get(url, false)).status).toBe(401);
    const redirect = await get(url);
    expect(redirect.status).toBe(307);
    const location = redirect.location ?? '';
    expect(location).toContain(`/_emulator/media/${m.sid}/${item.sid}?Expires=`);

    const file = await get(location, false);
    expect(file.status).toBe(200);
    expect(file.type).toBe('image/png');
    expect(file.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const tampered = location.replace(/Signature=([0-9a-f])/, (_, c: string) => `Signature=${c === '0' ? '1' : '0'}`);
    expect((await get(tampered, false)).status).toBe(403);
    const expired = location.replace(/Expires=\d+/, `Expires=${Date.now() - 1000}`);
    expect((await get(expired, false)).status).toBe(403);

    const jpeg = await client.messages.create({ to: '+14155559999', from: FROM, mediaUrl: ['https://example.com/x'] });
    const [jpegItem] = await client.messages(jpeg.sid).media.list();
    const jpegFile = await get((await get(contentUrl(jpegItem.uri))).location ?? '', false);
    expect(jpegFile.type).toBe('image/jpeg');
    expect([...jpegFile.bytes.subarray(0, 2), ...jpegFile.bytes.subarray(-2)]).toEqual([0xff, 0xd8, 0xff, 0xd9]);
  });

  it('deletes the media with its message', async () => {
    const { client } = t();
    const m = await client.messages.create({ to: '+14155559999', from: FROM, mediaUrl: ['https://example.com/a.gif'] });
    const [item] = await client.messages(m.sid).media.list();
    const location = (await get(contentUrl(item.uri))).location ?? '';
    await eventually(async () => ((await client.messages(m.sid).fetch()).status === 'delivered' ? true : undefined));
    await expect(client.messages(m.sid).remove()).resolves.toBe(true);
    expect(await client.messages(m.sid).media.list()).toEqual([]);
    expect((await get(location, false)).status).toBe(404);
  });

  it('stores the attachments of an inbound MMS and posts their Twilio media URLs to the webhook', async () => {
    const { client } = t();
    const [number] = await client.incomingPhoneNumbers.list({ phoneNumber: '+14155550111' });
    await client.incomingPhoneNumbers(number.sid).update({ smsUrl: fake().on('/mms/in', '<Response/>') });
    const r = await t().control<{ message_sid: string }>('POST', '/_emulator/inbound-sms', {
      From: '+14155559999',
      To: '+14155550111',
      Body: 'look',
      MediaUrl: ['https://handset.example/photo.jpg', 'https://handset.example/map.png'],
    });
    expect(r.status).toBe(200);
    const media = await client.messages(r.body.message_sid).media.list();
    expect(media.map((x) => x.contentType)).toEqual(['image/jpeg', 'image/png']);
    expect((await client.messages(r.body.message_sid).fetch()).numMedia).toBe('2');

    const [hit] = await fake().waitFor('/mms/in');
    expect(hit.params).toMatchObject({
      NumMedia: '2',
      MediaUrl0: contentUrl(media[0].uri),
      MediaContentType0: 'image/jpeg',
      MediaUrl1: contentUrl(media[1].uri),
      MediaContentType1: 'image/png',
    });
    const fetched = await get(hit.params.MediaUrl1);
    expect(fetched.status).toBe(307);
    expect((await get(fetched.location ?? '', false)).type).toBe('image/png');
  });
});
