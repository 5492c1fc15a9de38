/** A Bootstrap Italia icon from its SVG sprite (a hashed asset, cached long-term). */
import sprite from 'bootstrap-italia/dist/svg/sprites.svg?url';

export type IconName =
  | 'it-arrow-left'
  | 'it-arrow-up'
  | 'it-arrow-down'
  | 'it-check-circle'
  | 'it-star-full'
  | 'it-notification'
  | 'it-user'
  | 'it-pencil'
  | 'it-delete'
  | 'it-comment'
  | 'it-plus'
  | 'it-search'
  | 'it-info-circle'
  | 'it-locked';

export function Icon({ name, class: className = '' }: { name: IconName; class?: string }) {
  return (
    <svg class={`icon ${className}`.trim()} aria-hidden="true" focusable="false">
      <use href={`${sprite}#${name}`} />
    </svg>
  );
}
