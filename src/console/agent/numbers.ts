/**
 * The agent's phone numbers: the ones they hold (activate, deactivate, release) and a search of numbers for
 * sale with a buy button per number. Buying waits on Twilio, so the button shows progress while it runs;
 * each press carries its own idempotency key, so a retried request never buys twice.
 */
import type { components } from '../../../client/src';
import { answer } from '../api';
import { busy, button, confirmButton, el, field, money, replace, section, select, StatusLine, table } from '../dom';
import type { View, ViewContext } from '../view';

type OwnedNumber = components['schemas']['PhoneNumber'];
type OfferedNumber = components['schemas']['PlatformAvailableNumber'];

const place = (n: { locality: string; region: string }): string => [n.locality, n.region].filter(Boolean).join(', ') || '–';
const abilities = (c: Record<string, boolean>): string =>
  Object.entries(c)
    .filter(([, yes]) => yes)
    .map(([k]) => k.toUpperCase())
    .join(', ') || 'none';

function render({ session }: ViewContext): HTMLElement {
  const api = session.api;
  const ownedStatus = new StatusLine();
  const owned = el('div', {}, 'Loading your numbers…');
  const results = el('div');
  const searchStatus = new StatusLine();

  async function loadOwned(): Promise<void> {
    try {
      const { phoneNumbers } = await answer(api.GET('/api/twilio/my-numbers'));
      replace(
        owned,
        table(
          'Your numbers',
          ['Number', 'Place', 'Can', 'Status', 'Calls', 'Monthly fee', 'Actions'],
          phoneNumbers.map((n) => [
            el('span', { class: 'mono' }, n.number),
            place(n),
            abilities(n.capabilities),
            el('span', { class: `badge ${n.status}` }, n.status),
            n.callCount,
            money(n.monthlyFee),
            actions(n),
          ]),
          'you hold no numbers yet. Search below to buy one.',
        ),
      );
    } catch (err) {
      replace(owned);
      ownedStatus.error(err);
    }
  }

  function actions(n: OwnedNumber): HTMLElement {
    const next = n.status === 'active' ? 'inactive' : 'active';
    const toggle = button(
      n.status === 'active' ? `Deactivate` : `Activate`,
      (b) => {
        void busy(b, ownedStatus, `Updating ${n.number}…`, () =>
          answer(api.POST('/api/twilio/my-numbers/update', { body: { id: n.id, status: next } })),
        ).then((done) => done && loadOwned());
      },
      { 'aria-label': `${n.status === 'active' ? 'Deactivate' : 'Activate'} ${n.number}` },
    );
    const release = confirmButton('Release', `Release ${n.number} for good`, (b) => {
      void busy(b, ownedStatus, `Releasing ${n.number}…`, () =>
        answer(api.POST('/api/twilio/my-numbers/release', { body: { id: n.id } })),
      ).then((done) => {
        if (done) ownedStatus.info(`${n.number} is released.`);
        return loadOwned();
      });
    });
    return el('span', { class: 'actions' }, toggle, release);
  }

  function buyButton(n: OfferedNumber): HTMLButtonElement {
    return button(
      'Buy',
      (b) => {
        void busy(b, searchStatus, `Buying ${n.phoneNumber}… this takes a few seconds.`, () =>
          answer(
            api.POST('/api/twilio/buy-number', {
              body: { phoneNumber: n.phoneNumber, idempotency_key: crypto.randomUUID() },
            }),
          ),
        ).then((bought) => {
          if (!bought) return;
          searchStatus.info(`You bought ${n.phoneNumber}.`);
          b.closest('tr')?.remove();
          void loadOwned();
        });
      },
      { 'aria-label': `Buy ${n.phoneNumber}` },
    );
  }

  const areaCode = el('input', { name: 'areaCode', inputmode: 'numeric', pattern: '[0-9]{3}', maxlength: 3, placeholder: '415' });
  const type = select('type', [
    ['local', 'Local'],
    ['toll-free', 'Toll-free'],
    ['mobile', 'Mobile'],
  ]);
  // Not named "contains": a form's named controls shadow its own properties (form.contains).
  const contains = el('input', { name: 'digits', maxlength: 10, pattern: '[0-9*]*' });
  const submit = el('button', { type: 'submit' }, 'Search');
  const form = el(
    'form',
    { class: 'inline-form', 'aria-label': 'Search numbers for sale' },
    field('Area code', areaCode, 'Three digits; empty for any.'),
    field('Type', type),
    field('Contains', contains, 'Digits the number should contain.'),
    submit,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void busy(submit, searchStatus, 'Searching numbers for sale…', () =>
      answer(
        api.GET('/api/twilio/available-numbers', {
          params: {
            query: {
              country: 'US',
              type: type.value,
              limit: 10,
              areaCode: areaCode.value.trim() ? Number(areaCode.value) : undefined,
              contains: contains.value.trim() || undefined,
            },
          },
        }),
      ),
    ).then((found) => {
      if (!found) return;
      replace(
        results,
        table(
          'Numbers for sale',
          ['Number', 'Place', 'Can', ''],
          found.availableNumbers.map((n) => [
            el('span', { class: 'mono' }, n.phoneNumber),
            place(n),
            abilities(n.capabilities),
            buyButton(n),
          ]),
          'no numbers match; try another area code.',
        ),
      );
    });
  });

  void loadOwned();
  return el(
    'div',
    {},
    section('Your numbers', 3, ownedStatus.node, owned),
    section('Buy a number', 3, form, searchStatus.node, results),
  );
}

export const numbersView: View = { id: 'numbers', title: 'Numbers', audience: 'agent', render };
