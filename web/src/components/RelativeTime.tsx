/** "3 minuti fa" for reading, the full date and time for a tooltip and for machines. */
import { formatDateTime, formatRelative } from '../i18n/format';

export function RelativeTime({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {formatRelative(iso)}
    </time>
  );
}
