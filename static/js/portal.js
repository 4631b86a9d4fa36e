// Opens and closes the phone menu; Bootstrap's CSS does the rest, so its JS is not loaded.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-toggle-target]");
  if (!button) return;
  const target = document.getElementById(button.dataset.toggleTarget);
  const open = target.classList.toggle("show");
  button.setAttribute("aria-expanded", String(open));
});
