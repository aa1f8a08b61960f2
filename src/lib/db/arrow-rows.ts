/** The rows of an Arrow IPC stream, from its messages' headers: no column is decoded (files.ts checks them). */
import { MessageReader } from 'apache-arrow';

export function arrowRows(bytes: Uint8Array): number {
  const reader = new MessageReader(bytes);
  let rows = 0;
  for (let m = reader.readMessage(); m; m = reader.readMessage()) {
    if (m.isRecordBatch()) rows += Number(m.header().length);
    reader.readMessageBody(m.bodyLength);
  }
  return rows;
}
