/** "Đã cập nhật": a replaced document (version > 1) stays marked until the member opens its current version. */
export function isUpdatedFor(currentVersion: number, openedVersion: number | null | undefined): boolean {
  return currentVersion > 1 && (openedVersion ?? 0) < currentVersion;
}
