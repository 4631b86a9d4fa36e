// Opens and closes the phone menu; Bootstrap's CSS does the rest, so its JS is not loaded.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-toggle-target]");
  if (!button) return;
  const target = document.getElementById(button.dataset.toggleTarget);
  const open = target.classList.toggle("show");
  button.setAttribute("aria-expanded", String(open));
});

// "Tambah baris": copies the formset's empty row (a <template>), numbering it as Django
// expects, and counts it in TOTAL_FORMS. Rows left blank are ignored when saved.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-add-row]");
  if (!button) return;
  const formset = button.closest("[data-formset]");
  const total = formset.querySelector('input[name$="-TOTAL_FORMS"]');
  const index = Number(total.value);
  const rows = formset.querySelector("[data-rows]");
  const html = formset.querySelector("template[data-empty-row]").innerHTML;
  rows.insertAdjacentHTML("beforeend", html.replaceAll("__prefix__", String(index)));
  total.value = String(index + 1);
  rows.lastElementChild.querySelector("input:not([type=hidden]), select, textarea")?.focus();
});

// "Cetak": prints the page (a button, not an inline handler: the CSP allows no inline script).
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) window.print();
});

// "Kembali" on error pages: back to the form, where the browser copy of the input waits.
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-back]")) history.back();
});

// Progress bars get their width from aria-valuenow: the CSP allows no inline style.
for (const bar of document.querySelectorAll('[role="progressbar"][aria-valuenow]')) {
  const fill = bar.querySelector(".progress-bar");
  if (fill) fill.style.width = `${bar.getAttribute("aria-valuenow")}%`;
}
