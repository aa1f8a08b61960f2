export { concatIPC, fromArrowIPC, toArrowIPC } from './arrow';
export { BOM, formatCell, neutralize, toCSV } from './csv';
export { corpusFindingRows, indicatorId, projectId, toRows, type Tables } from './rows';
export { SORT_KEYS, sqlType, TABLE_NAMES, TABLES, type Cell, type Column, type ColumnName, type Row, type TableName, type TableRow, type TableRows, asTableRows } from './schema';
