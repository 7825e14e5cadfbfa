/** Staff files the API builds (exports): the download helper lives in lib, shared by every feature. */
export { downloadFile, toSearchParams, type QueryValue } from '../../lib/download';
