/**
 * Writes a workbook off the page's thread: a county's workbook is half a million cells and seconds of
 * SheetJS, which on the page would freeze scrolling, the buttons and the progress it shows.
 */
import { toWorkbook, type Notes, type Sheet } from './workbook';

export type WorkbookRequest = { sheets: Sheet[]; notes: Notes };
export type WorkbookReply = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

self.onmessage = (e: MessageEvent<WorkbookRequest>) => {
  let reply: WorkbookReply;
  try {
    reply = { ok: true, bytes: toWorkbook(e.data.sheets, e.data.notes) };
  } catch (err) {
    reply = { ok: false, message: (err as Error).message ?? String(err) };
  }
  (self as unknown as Worker).postMessage(reply, reply.ok ? [reply.bytes.buffer] : []);
};
