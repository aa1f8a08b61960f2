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
  error = $state('');
  /** A partitioned site, a view that needs detail, and no county chosen. */
  needsCounty = $state(false);
  /** Where the value came from. */
  from = $state<'overview' | 'sql' | null>(null);

  constructor(src: Source<T, R>) {
    $effect(() => {
      const { filters: f, summary, db } = app;
      const route = src.route?.() as R;
      if (!summary) return;
      const partitioned = summary.layout.partitioned;
      const key = src.overview ? overviewKey(f) : null;
      let job: () => Promise<T>;
      let from: 'overview' | 'sql';
      this.needsCounty = false;
      if (key != null && (partitioned || (!db && key === ALL))) {
        from = 'overview';
        job = async () => src.overview!(await overviewFor(key));
      } else if (partitioned && !src.partitions && f.county == null) {
        this.needsCounty = true;
        this.value = undefined;
        this.loading = false;
        return;
      } else if (!db) {
        void startEngine();
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
          this.error = '';
        },
        (e: unknown) => {
          if (!current) return;
          this.loading = false;
          this.error = e instanceof Error ? e.message : String(e);
          console.error(e);
        },
      );
      return () => {
        current = false;
      };
    });
  }
}

export const live = <T, R = undefined>(src: Source<T, R>) => new Live(src);
