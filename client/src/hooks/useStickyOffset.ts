import { useEffect, type RefObject } from 'react'

/** The custom property styles.css reads for the page's scroll padding. */
const PROPERTY = '--sticky-top'

/**
 * Where the page keeps an element stuck to the top of the window (the meeting bar, on a screen tall
 * enough for it; see styles.css), its height goes into `--sticky-top`, which styles.css makes the
 * page's scroll padding. Without it, the row the meeting moves to, or the control Tab reaches,
 * would scroll into view underneath the bar and stay hidden. Zero while the element scrolls along.
 */
export function useStickyOffset(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = ref.current
    if (!element) return
    const root = document.documentElement
    const measure = (): void => {
      const stuck = getComputedStyle(element).position === 'sticky'
      root.style.setProperty(PROPERTY, stuck ? `${Math.ceil(element.getBoundingClientRect().height)}px` : '0px')
    }
    measure()
    // Its height changes with its content (a problem shown, the timer's controls) and the window's
    // width; whether it sticks at all changes with the window's height, which only `resize` reports.
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    window.addEventListener('resize', measure)
    return () => {
      observer.disconnect()
      window.removeEventListener('resize', measure)
      root.style.removeProperty(PROPERTY)
    }
  }, [ref])
}
