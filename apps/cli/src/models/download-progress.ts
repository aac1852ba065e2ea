/** The part of node-llama-cpp's download progress we show: bytes and bytes per second. */
export interface DownloadProgress {
  totalSize: number;
  downloadedSize: number;
  averageSpeed: number;
}
