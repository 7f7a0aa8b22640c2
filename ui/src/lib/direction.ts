// Left and right swap in right-to-left text: the arrow key that moves forward in reading
// order is → in English and ← in Arabic (as in every RTL desktop's lists and tabs).

/** 1 for the arrow key pointing forward in reading order, -1 for backward, 0 for any other. */
export function readingStep(key: string): 1 | -1 | 0 {
  const forward = document.documentElement.dir === "rtl" ? "ArrowLeft" : "ArrowRight";
  const backward = forward === "ArrowLeft" ? "ArrowRight" : "ArrowLeft";
  return key === forward ? 1 : key === backward ? -1 : 0;
}
