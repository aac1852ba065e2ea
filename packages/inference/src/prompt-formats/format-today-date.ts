const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * Python's `strftime("%d %B %Y")` ("05 March 2025"), in UTC so a prompt does not depend on the
 * server's time zone.
 */
export function formatTodayDate(now: Date): string {
  const day = String(now.getUTCDate()).padStart(2, "0");
  return `${day} ${MONTHS[now.getUTCMonth()]} ${now.getUTCFullYear()}`;
}
