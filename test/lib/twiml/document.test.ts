import { parseXml } from '../../../emulator/core/xml';
import { truncateText, twimlResponse, verb, xmlText } from '../../../src/lib/twiml/document';

describe('TwiML text', () => {
  it('escapes markup and drops what XML 1.0 forbids, keeping tabs, newlines and paired surrogates', () => {
    expect(xmlText('a<b>&\'"\u0000\u0007\u001f\ufffe\uffff\t\n\r😀')).toBe('a&lt;b&gt;&amp;&apos;&quot;\t\n\r😀');
  });

  it('drops a surrogate without its pair, wherever it stands', () => {
    expect(xmlText('x\ud83dy')).toBe('xy');
    expect(xmlText('x\ude00y')).toBe('xy');
    expect(xmlText('\ude00\ud83d\ude00\ud83d')).toBe('😀');
  });

  it('cuts by characters, never inside an emoji', () => {
    expect(truncateText('😀'.repeat(21), 20)).toBe(`${'😀'.repeat(20)}...`);
    expect(truncateText('short', 20)).toBe('short');
  });

  it('builds documents that parse, with attributes escaped too', () => {
    const doc = twimlResponse(
      verb('Say', {}, 'Hi <there>\u0000'),
      verb('Record', { action: 'https://x.example/a?b=1&c="2"', playBeep: true, events: ['a', 'b'], none: undefined }),
      verb('Hangup'),
    );
    expect(doc).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Say>Hi &lt;there&gt;</Say>' +
        '<Record action="https://x.example/a?b=1&amp;c=&quot;2&quot;" playBeep="true" events="a b"/><Hangup/></Response>',
    );
    expect(parseXml(doc).children.map((c) => c.name)).toEqual(['Say', 'Record', 'Hangup']);
  });
});
