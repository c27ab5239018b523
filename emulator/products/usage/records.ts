/**
 * Usage Records (API 2010), computed from the emulator's own traffic with the price table's prices
 * (products/pricing.ts) through the usage meter's daily totals:
 *
 *   GET .../Usage/Records.json, .../Records/AllTime.json      one record per category over the range
 *   GET .../Records/Daily.json, /Monthly.json, /Yearly.json    one record per category per day / calendar
 *       month / calendar year of the range (the first and last clipped to it)
 *   GET .../Records/Today.json, /Yesterday.json, /ThisMonth.json (up to today), /LastMonth.json
 *       one record per category over that fixed range (StartDate and EndDate do not move it)
 *
 * Filters: Category (one of the metered categories in usage/categories.ts; another category answers an
 * empty list), StartDate and EndDate (YYYY-MM-DD in GMT, or an offset from today such as `-30days`;
 * by default from the first day anything was charged to today), IncludeSubaccounts (accepted; the
 * emulator has no subaccounts), PageSize and Page. Records come by category (parents before their
 * parts), then oldest period first; a period without usage answers zeros. Prices are positive numbers in
 * `usd`, as Usage Records write them; `totalprice` has the total in `usage` as well.
 */
import type { Emulator } from '../../core/emulator';
import { EmuRequest, json } from '../../core/router';
import { badParam, bool, first, page2010, readPage } from '../../core/wire';
import { CATEGORIES, CATEGORY_NAMES } from './categories';
import { dayOf, HeldNumber, UsageDay, usageMeter } from './meter';

type Granularity = 'all' | 'day' | 'month' | 'year';
type Range = { from: string; to: string };

const DAY = 86_400_000;

/** The subresources and how each groups its range; `fixed` ranges ignore StartDate / EndDate. */
const SUBRESOURCES: Record<string, { key: string; granularity: Granularity; fixed?: (today: number) => Range }> = {
  AllTime: { key: 'all_time', granularity: 'all' },
  Daily: { key: 'daily', granularity: 'day' },
  Monthly: { key: 'monthly', granularity: 'month' },
  Yearly: { key: 'yearly', granularity: 'year' },
  Today: { key: 'today', granularity: 'all', fixed: (t) => ({ from: dayOf(t), to: dayOf(t) }) },
  Yesterday: { key: 'yesterday', granularity: 'all', fixed: (t) => ({ from: dayOf(t - DAY), to: dayOf(t - DAY) }) },
  ThisMonth: { key: 'this_month', granularity: 'all', fixed: (t) => ({ from: `${dayOf(t).slice(0, 7)}-01`, to: dayOf(t) }) },
  LastMonth: {
    key: 'last_month',
    granularity: 'all',
    fixed: (t) => {
      const d = new Date(t);
      const lastDay = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 0);
      return { from: `${dayOf(lastDay).slice(0, 7)}-01`, to: dayOf(lastDay) };
    },
  },
};

/** A StartDate / EndDate value: a GMT date, or `-30days` / `+1days` from today. */
function readDate(name: string, value: string, today: number): string {
  const offset = /^([+-]\d{1,5})days$/.exec(value);
  if (offset) return dayOf(today + Number(offset[1]) * DAY);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value) && dayOf(Date.parse(`${value}T00:00:00Z`)) === value) return value;
  throw badParam(`${name} must be a date as YYYY-MM-DD or an offset such as -30days: ${value}`, 20001);
}

/** The periods a granularity cuts the range into, each clipped to the range, oldest first. */
function periods(range: Range, granularity: Granularity): Range[] {
  if (granularity === 'all') return [range];
  const out: Range[] = [];
  const end = Date.parse(range.to);
  for (let t = Date.parse(range.from); t <= end;) {
    const d = new Date(t);
    const next =
      granularity === 'day'
        ? t + DAY
        : granularity === 'month'
          ? Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)
          : Date.UTC(d.getUTCFullYear() + 1, 0, 1);
    out.push({ from: dayOf(t), to: dayOf(Math.min(next - DAY, end)) });
    t = next;
  }
  return out;
}

export function registerUsageRecords(emu: Emulator, deps: { held: () => HeldNumber[] }): void {
  const meter = usageMeter(emu.state);
  const accountPath = (rest: string): string => `/2010-04-01/Accounts/${emu.accountSid}${rest}`;
  const listPath = (sub: string | null): string => accountPath(`/Usage/Records${sub ? `/${sub}` : ''}.json`);

  const wire = (category: string, period: Range, rows: UsageDay[], sub: string | null, asOf: string) => {
    const info = CATEGORIES[category];
    const total = { count: 0, usage: 0, micros: 0 };
    for (const r of rows) {
      total.count += r.count;
      total.usage += r.usage;
      total.micros += r.micros;
    }
    const price = total.micros / 1_000_000;
    const query = new URLSearchParams({ Category: category, StartDate: period.from, EndDate: period.to });
    const subresourceUris: Record<string, string> = {};
    for (const [name, s] of Object.entries(SUBRESOURCES)) subresourceUris[s.key] = `${listPath(name)}?Category=${category}`;
    return {
      account_sid: emu.accountSid,
      api_version: '2010-04-01',
      as_of: asOf,
      category,
      count: String(category === 'totalprice' ? 0 : total.count),
      count_unit: info.count_unit,
      description: info.description,
      end_date: period.to,
      price,
      price_unit: 'usd',
      start_date: period.from,
      subresource_uris: subresourceUris,
      uri: `${listPath(sub)}?${query.toString()}`,
      usage: category === 'totalprice' ? String(price) : String(total.usage),
      usage_unit: info.usage_unit,
    };
  };

  const list = (req: EmuRequest, sub: string | null) => {
    const now = Date.now();
    const spec = sub ? SUBRESOURCES[sub] : SUBRESOURCES.AllTime;
    const category = first(req.query, 'Category');
    const startDate = first(req.query, 'StartDate');
    const endDate = first(req.query, 'EndDate');
    const includeSubaccounts = bool(req.query, 'IncludeSubaccounts');
    const request = readPage(req.query);
    meter.settle(deps.held(), now);
    const range = spec.fixed?.(now) ?? {
      from: startDate === undefined ? (meter.firstDay() ?? dayOf(now)) : readDate('StartDate', startDate, now),
      to: endDate === undefined ? dayOf(now) : readDate('EndDate', endDate, now),
    };
    const categories = category === undefined ? CATEGORY_NAMES : CATEGORIES[category] ? [category] : [];
    const asOf = new Date(now).toISOString().replace(/\.\d{3}Z$/, '+00:00');
    const cuts = range.from <= range.to ? periods(range, spec.granularity) : [];
    const records = categories.flatMap((c) => {
      // Rows and periods are both oldest first: one walk hands each period its rows.
      const rows = meter.daily(c, range.from, range.to);
      let i = 0;
      return cuts.map((p) => {
        const start = i;
        while (i < rows.length && rows[i].day <= p.to) i++;
        return wire(c, p, rows.slice(start, i), sub, asOf);
      });
    });
    const filters = {
      Category: category,
      StartDate: startDate,
      EndDate: endDate,
      IncludeSubaccounts: includeSubaccounts === undefined ? undefined : String(includeSubaccounts),
    };
    return json(200, page2010('usage_records', listPath(sub), records, request, filters));
  };

  const base = '/api/2010-04-01/Accounts/{AccountSid}/Usage/Records';
  emu.router.add('GET', `${base}.json`, (req) => list(req, null));
  for (const sub of Object.keys(SUBRESOURCES)) emu.router.add('GET', `${base}/${sub}.json`, (req) => list(req, sub));
}
