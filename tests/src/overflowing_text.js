// Every piece of text the window does not show whole, as "what: why" lines. Run by
// Webview::overflowing_text through WebDriver's execute script (a function body).
// Text counts as not shown whole when it is wider than its own box (scrollWidth > clientWidth),
// cut at the bottom by a box that hides overflow, or reaches past the side of the window or of
// an ancestor that clips. Text cut on purpose with an ellipsis (text-overflow: ellipsis, for
// server text of any length) and text only for screen readers are not counted.
const problems = [];
const SLACK = 1; // sub-pixel rounding

const name = (el) => {
  let described = el.tagName.toLowerCase();
  const testId = el.getAttribute("data-testid");
  if (testId) described += `[data-testid="${testId}"]`;
  else if (typeof el.className === "string") {
    const classes = el.className.split(/\s+/).filter((c) => c && !c.startsWith("svelte-"));
    if (classes.length) described += "." + classes.join(".");
  }
  return described;
};

const forScreenReadersOnly = (el) => {
  for (let at = el; at; at = at.parentElement) {
    const style = getComputedStyle(at);
    if (style.clip && style.clip !== "auto") return true;
    if (style.clipPath && style.clipPath !== "none") return true;
  }
  return false;
};

const window_ = { left: 0, right: document.documentElement.clientWidth };
if (document.documentElement.scrollWidth > window_.right + SLACK) {
  problems.push(`the window scrolls sideways: ${document.documentElement.scrollWidth}px of content in ${window_.right}px`);
}

for (const el of document.body.querySelectorAll("*")) {
  if (["OPTION", "SELECT", "SCRIPT", "STYLE", "TEXTAREA", "INPUT"].includes(el.tagName)) continue;
  if (el.getClientRects().length === 0) continue; // not drawn (display: none)
  const style = getComputedStyle(el);
  if (style.visibility === "hidden" || style.textOverflow === "ellipsis") continue;
  const ownText = [...el.childNodes]
    .filter((node) => node.nodeType === Node.TEXT_NODE)
    .map((node) => node.textContent)
    .join("")
    .trim();
  if (!ownText || forScreenReadersOnly(el)) continue;
  const what = `${name(el)} "${ownText.slice(0, 40)}"`;

  if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + SLACK) {
    problems.push(`${what}: ${el.scrollWidth}px of content in a ${el.clientWidth}px box`);
  }
  const cutsHeight = ["hidden", "clip"].includes(style.overflowY);
  if (cutsHeight && el.clientHeight > 0 && el.scrollHeight > el.clientHeight + SLACK) {
    problems.push(`${what}: ${el.scrollHeight}px high in a ${el.clientHeight}px box that cuts it`);
  }

  // Where the text itself is drawn, against the window and every ancestor that clips.
  const range = document.createRange();
  range.selectNodeContents(el);
  const text = range.getBoundingClientRect();
  if (text.width === 0) continue;
  if (text.left < window_.left - SLACK || text.right > window_.right + SLACK) {
    problems.push(`${what}: drawn at ${Math.round(text.left)}..${Math.round(text.right)}px, outside the ${window_.right}px window`);
    continue;
  }
  for (let at = el.parentElement; at && at !== document.body; at = at.parentElement) {
    const clip = getComputedStyle(at);
    if (clip.overflowX === "visible") continue;
    const box = at.getBoundingClientRect();
    if (text.left < box.left - SLACK || text.right > box.right + SLACK) {
      problems.push(`${what}: cut at the side by ${name(at)}`);
      break;
    }
  }
}
return problems;
