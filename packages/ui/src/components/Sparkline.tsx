import type { SVGAttributes } from 'react';

export interface SparklineProps extends Omit<
  SVGAttributes<SVGSVGElement>,
  'values' | 'width' | 'height'
> {
  /** Oldest first; unknown points break the line instead of dropping to zero. */
  values: ReadonlyArray<number | undefined>;
  width?: number;
  height?: number;
}

/**
 * A small trend line. Decorative (`aria-hidden`): the figure next to it carries the meaning in
 * text. Gaps in the data are gaps in the line.
 */
export function Sparkline({ values, width = 80, height = 16, className, ...rest }: SparklineProps) {
  const known = values.filter((v): v is number => v !== undefined && Number.isFinite(v));
  const max = Math.max(...known, 0);
  const step = values.length > 1 ? width / (values.length - 1) : width;
  const segments: string[] = [];
  let current: string[] = [];
  values.forEach((value, i) => {
    if (value === undefined || !Number.isFinite(value)) {
      if (current.length > 1) segments.push(current.join(' '));
      current = [];
      return;
    }
    const y = max > 0 ? height - (value / max) * (height - 2) - 1 : height - 1;
    current.push(`${(i * step).toFixed(1)},${y.toFixed(1)}`);
  });
  if (current.length > 1) segments.push(current.join(' '));
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      {...rest}
      className={className ? `show-sparkline ${className}` : 'show-sparkline'}
      data-show-points={known.length}
    >
      {segments.map((points) => (
        <polyline
          key={points}
          points={points}
          fill="none"
          stroke="currentColor"
          strokeWidth={1.5}
        />
      ))}
    </svg>
  );
}
