// "Salin untuk grup WA", "Salin token": puts the text on the clipboard. The text also stays in a
// visible box, so it can be selected by hand where the clipboard is not allowed.
document.addEventListener("click", async (event) => {
  const button = event.target.closest("[data-copy-target]");
  if (!button) return;
  const source = document.getElementById(button.dataset.copyTarget);
  const status = button.parentElement.querySelector("[data-copy-status]");
  try {
    await navigator.clipboard.writeText(source.value);
  } catch {
    // Plain http on an office network has no clipboard API: the old way still works.
    source.select();
    document.execCommand("copy");
  }
  if (status) status.textContent = button.dataset.copiedText;
});
