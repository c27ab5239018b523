/**
 * One page of a TaskRouter list, read from its table. Lists default to DateCreated order, which is the
 * tables' position: a page in that order or its reverse, filtered by indexes, costs O(page). Two things
 * cost more, by nature of what they ask:
 * - one filter that takes several values (AssignmentStatus=pending,reserved; Workers' Available, which
 *   names a set of Activities): each value is walked up to the end of the page and the walks merged,
 *   O(values × (offset + page));
 * - an ordering the position does not give (Tasks by Priority or VirtualStartTime, Workers by
 *   DateStatusChanged, ...): every record that passes the filters is read and sorted, O(m log m) for m
 *   matches. Keeping a position per ordering would mean a second copy of every Task; in practice these
 *   orderings are asked with an AssignmentStatus filter (the waiting Tasks), which keeps m small.
 */
import type { Table, TablePage } from '../../core/state';
import { comparePositions } from '../../core/store/ordered';
import type { PageRequest } from '../../core/wire';
import { createdOrder } from './tables';

export interface ListQuery<T> {
  /** Indexed equality filters. */
  eq: Record<string, string>;
  /** An index that may take any of several values; no value matches nothing. */
  anyOf?: { index: string; values: readonly string[] };
  /** Newest first. */
  desc?: boolean;
  /** An ordering the position does not give: sorts the matches (stably, so DateCreated order breaks ties). */
  sort?: (items: T[]) => void;
}

type Listed = { created: number; seq: number };

/** The page of a filter nothing can match (a name no record has). */
export const NOTHING: TablePage<never> = { items: [], more: false };

export function listPage<T extends Listed>(table: Table<T>, q: ListQuery<T>, request: PageRequest): TablePage<T> {
  const offset = request.page * request.pageSize;
  const limit = request.pageSize;
  const anyOf = q.anyOf;
  const filters = anyOf ? [...new Set(anyOf.values)].map((v) => ({ ...q.eq, [anyOf.index]: v })) : [q.eq];
  if (q.sort) {
    const matches = merged(
      filters.map((eq) => table.page({ eq, limit: Infinity }).items),
      false,
    );
    q.sort(matches);
    return { items: matches.slice(offset, offset + limit), more: offset + limit < matches.length };
  }
  if (filters.length === 1) return table.page({ eq: filters[0], desc: q.desc, offset, limit });
  const pages = filters.map((eq) => table.page({ eq, desc: q.desc, limit: offset + limit }));
  const walked = merged(
    pages.map((p) => p.items),
    q.desc ?? false,
  );
  return { items: walked.slice(offset, offset + limit), more: walked.length > offset + limit || pages.some((p) => p.more) };
}

/** Lists each in DateCreated order (or its reverse), merged into one. */
function merged<T extends Listed>(lists: T[][], desc: boolean): T[] {
  if (lists.length === 1) return lists[0];
  const sign = desc ? -1 : 1;
  return lists.flat().sort((a, b) => sign * comparePositions(createdOrder(a), createdOrder(b)));
}
