// Keeps a copy of the report form in this browser while it is typed, so a dropped connection
// (or a closed tab) does not lose work: the next time the page opens it offers the copy back.
// A copy belongs to one saved version of the report; once the server has a newer save, the
// copy is dropped.
(() => {
  const form = document.querySelector("form[data-backup-key]");
  if (!form) return;
  const key = form.dataset.backupKey;
  const version = form.dataset.backupVersion;
  const banner = document.getElementById("pulihkan-isian");
  const skipped = (el) =>
    !el.name || el.type === "file" || el.type === "submit" || el.name === "csrfmiddlewaretoken";

  const snapshot = () => {
    const values = {};
    for (const el of form.elements) {
      if (skipped(el)) continue;
      if (el.type === "checkbox" || el.type === "radio") {
        if (el.checked) (values[el.name] ||= []).push(el.value);
      } else {
        values[el.name] = el.value;
      }
    }
    return values;
  };
  const save = () =>
    localStorage.setItem(key, JSON.stringify({ version, savedAt: Date.now(), values: snapshot() }));

  let timer;
  form.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(save, 400);
  });
  form.addEventListener("change", save);

  const restore = (values) => {
    // Rows typed but never saved: add them first, so their fields exist.
    for (const formset of form.querySelectorAll("[data-formset]")) {
      const total = formset.querySelector('input[name$="-TOTAL_FORMS"]');
      const wanted = Number(values[total.name] || total.value);
      const add = formset.querySelector("[data-add-row]");
      while (Number(total.value) < wanted) add.click();
    }
    for (const el of form.elements) {
      if (skipped(el) || !(el.name in values || el.type === "checkbox" || el.type === "radio")) {
        continue;
      }
      if (el.type === "checkbox" || el.type === "radio") {
        el.checked = (values[el.name] || []).includes(el.value);
      } else {
        el.value = values[el.name];
      }
    }
  };

  const stored = JSON.parse(localStorage.getItem(key) || "null");
  if (!stored) return;
  if (stored.version !== version) {
    localStorage.removeItem(key);
    return;
  }
  if (JSON.stringify(stored.values) === JSON.stringify(snapshot())) return;
  // The page's language (id or en), so the time reads as the rest of the page does.
  const time = new Date(stored.savedAt).toLocaleTimeString(document.documentElement.lang, {
    timeStyle: "short",
  });
  banner.querySelector("[data-backup-time]").textContent = time;
  banner.hidden = false;
  banner.querySelector("[data-backup-restore]").addEventListener("click", () => {
    restore(stored.values);
    banner.hidden = true;
  });
  banner.querySelector("[data-backup-discard]").addEventListener("click", () => {
    localStorage.removeItem(key);
    banner.hidden = true;
  });
})();
