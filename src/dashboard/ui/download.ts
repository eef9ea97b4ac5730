/** Saves text the page made as a file: a Blob behind a temporary link (no server round trip, no popup). */
export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // the download has started from the URL; freeing it at once can cancel it in some browsers
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
