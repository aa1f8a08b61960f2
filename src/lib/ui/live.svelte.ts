/**
 * A query result that follows the state it depends on. The query is built synchronously inside an effect,
 * so the filters it reads are tracked; a result that arrives after the state moved on is dropped.
 */
import { app } from './app.svelte';
import type { Run } from '../db/values';

export class Live<T> {
  value = $state.raw<T | undefined>(undefined);
  loading = $state(true);
  error = $state('');

  constructor(query: (run: Run) => Promise<T>) {
    $effect(() => {
      const run = app.run;
      if (!run) return;
      let current = true;
      this.loading = true;
      query(run).then(
        (v) => {
          if (!current) return;
          this.value = v;
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

export const live = <T>(query: (run: Run) => Promise<T>) => new Live(query);
