/** The headers of the charts' data tables (src/lib/charts: TableWords), in the page's language. */
import type { TableWords } from '../charts/echarts';
import { t } from './app.svelte';

export const tableWords = (): TableWords => ({
  county: t('colCounty'),
  n: t('colN'),
  min: t('colLowest'),
  max: t('colHighest'),
  median: t('median'),
  mean: t('kpiScore'),
  month: t('colMonth'),
});
