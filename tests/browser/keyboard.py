"""Using the portal with the keyboard alone: Tab to a control, see where focus is, Enter."""

from playwright.sync_api import Locator, Page

FOCUS_STYLE = """
(el) => {
  const style = getComputedStyle(el);
  return {
    focused: el === document.activeElement,
    focusVisible: el.matches(":focus-visible"),
    outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
    visible: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0)
      || style.boxShadow !== "none",
  };
}
"""


def tab_to(page: Page, target: Locator, *, limit: int = 80) -> None:
    """Press Tab until the target has focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("(el) => el === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {target} in {limit} presses")


def assert_visible_focus(target: Locator) -> None:
    focus = target.evaluate(FOCUS_STYLE)
    assert focus["focused"] and focus["focusVisible"], f"{target} is not keyboard-focused: {focus}"
    assert focus["visible"], f"{target} has no visible focus indicator: {focus}"


def press_enter_on(page: Page, target: Locator) -> None:
    """Tab to the control, check its focus can be seen, and press Enter."""
    tab_to(page, target)
    assert_visible_focus(target)
    page.keyboard.press("Enter")
