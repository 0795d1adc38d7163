import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import Box from '@mui/material/Box';

/** Narrower than this, a chart has no room for its axes and bars; the box keeps its height, empty. */
export const MIN_CHART_WIDTH = 160;

/**
 * The one place the admin's charts get their size. MUI X Charts measures its own container when it is
 * given no width, and for a frame or two of a layout still settling (a page reloaded under load, a
 * resize) that container can be a few pixels wide: the drawing area comes out negative and Chrome logs
 * "<rect> attribute width: A negative value is not valid" (the clients walk failed on it in CI). This
 * box measures itself instead (a block as wide as its parent, whatever the chart draws) and renders the
 * chart with that width and the given height only once there is room for it.
 */
export function ChartBox({ height, children }: { height: number; children: (width: number) => ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    const measure = () => setWidth(Math.floor(element.getBoundingClientRect().width));
    measure();
    if (typeof ResizeObserver === 'undefined') return undefined;
    // Measured in the next frame, as MUI X Charts does: the chart drawn at the new width changes the
    // box's height within the observer's own frame otherwise ("ResizeObserver loop" in the console).
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(measure);
    });
    observer.observe(element);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, []);
  return (
    <Box ref={ref} sx={{ width: '100%', minWidth: 0, minHeight: height }}>
      {width >= MIN_CHART_WIDTH && children(width)}
    </Box>
  );
}
