/**
 * A view's data, following the filters. It comes from one of two places:
 * - the build-time overview, for the province-wide filters it answers (no county; a year, a kind) when the
 *   site is partitioned, or before the engine is ready;
 * - SQL on the detail, once the partitions the filters select (a county's) are loaded.
 * A partitioned site has no province-wide detail: a view that needs detail without a county says so
 * (`needsCounty`) instead of downloading the province. The query is built synchronously inside an effect,
 * so the state it reads is tracked; a result that arrives after the state moved on is dropped.
 */
import { app, overviewFor, startEngine } from './app.svelte';
import { partitionsOf } from '../db/layout';
import { ALL, overviewKey, type Overview } from '../db/summary';
import type { Filters } from '../db/scope';
import type { Run } from '../db/values';

export interface Source<T, R = undefined> {
  /** The answer from the build-time overview, for the filters it answers. */
  overview?: (o: Overview) => T;
  /** What it reads of the route besides the filters (a table's page), read where it is tracked. */
  route?: () => R;
  /** The answer from SQL on the loaded detail. */
  sql: (run: Run, f: Filters, route: R) => Promise<T>;
  /** The partitions the answer needs (default: those of the county and year filters; all when not partitioned). */
  partitions?: () => Promise<string[]>;
}

export class Live<T, R = undefined> {
  value = $state.raw<T | undefined>(undefined);
  loading = $state(true);
  /** Why the value could not be had (shown by Pending: a LoadFailure by its file, anything else plainly). */
  error = $state.raw<unknown>(null);
  /** A partitioned site, a view that needs detail, and no county chosen. */
  needsCounty = $state(false);
  /** Where the value came from. */
  from = $state<'overview' | 'sql' | null>(null);

  constructor(src: Source<T, R>) {
    $effect(() => {
      const { filters: f, summary, db, status } = app;
      const route = src.route?.() as R;
      void app.attempt; // a retry asks again
      void app.revision; // so does an import or a removal
      if (!summary) return;
      const partitioned = summary.layout.partitioned;
      const key = src.overview ? overviewKey(f) : null;
      let job: () => Promise<T>;
      let from: 'overview' | 'sql';
      this.needsCounty = false;
      // A site loaded whole whose data failed draws nothing, not even the build-time overview: the page
      // shows the failure in the view's place (a partitioned site's province-wide views need no detail).
      if (!partitioned && status === 'error') {
        this.value = undefined;
        this.loading = false;
        this.error = app.failure;
        return;
      }
      if (key != null && (partitioned || (!db && key === ALL))) {
        from = 'overview';
        job = async () => src.overview!(await overviewFor(key));
      } else if (partitioned && !src.partitions && f.county == null) {
        this.needsCounty = true;
        this.value = undefined;
        this.loading = false;
        return;
      } else if (!db) {
        if (status !== 'error') void startEngine(); // after a failure, the user's retry starts it again
        return;
      } else {
        from = 'sql';
        job = async () => {
          if (partitioned) {
            await db.load(src.partitions ? await src.partitions() : partitionsOf(summary.layout, f.county, f.year).map((p) => p.path));
          }
          return src.sql(db.run, f, route);
        };
      }
      let current = true;
      this.loading = true;
      job().then(
        (v) => {
          if (!current) return;
          this.value = v;
          this.from = from;
          this.loading = false;
          this.error = null;
        },
        (e: unknown) => {
          if (!current) return;
          this.loading = false;
          this.error = e;
          console.error(e); // the details for whoever debugs; the page says it plainly
        },
      );
      return () => {
        current = false;
      };
    });
  }
}

export const live = <T, R = undefined>(src: Source<T, R>) => new Live(src);
