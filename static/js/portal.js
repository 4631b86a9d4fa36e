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

// "Hapus baris ini" on a row not saved yet: the row goes back to its empty state (the server
// ignores an untouched row) and is hidden; focus returns to the "Tambah" button.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-remove-row]");
  if (!button) return;
  const row = button.closest("fieldset");
  for (const el of row.querySelectorAll("input, select, textarea")) {
    if (el.type === "hidden") continue;
    if (el.type === "checkbox" || el.type === "radio") el.checked = el.defaultChecked;
    else if (el.tagName === "SELECT") for (const option of el.options) option.selected = option.defaultSelected;
    else el.value = el.defaultValue;
  }
  row.hidden = true;
  row.dispatchEvent(new Event("change", { bubbles: true })); // the browser copy forgets it too
  row.closest("[data-formset]").querySelector("[data-add-row]").focus();
});
