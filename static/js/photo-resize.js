// Evidence photos from a phone camera are often 3–8 MB: before upload, one wider than
// 1600 px or bigger than 1 MB is redrawn at 1600 px as a JPEG, and the page says how much
// was saved. Other files (PDF, DOCX, XLSX) are sent as they are.
(() => {
  const input = document.querySelector('input[type="file"][name="lampiran-file"]');
  if (!input || !window.createImageBitmap || !window.DataTransfer) return;
  const MAX_SIDE = 1600;
  const MAX_BYTES = 1024 * 1024;
  const note = document.createElement("p");
  note.className = "small text-success mt-1 mb-0";
  note.setAttribute("aria-live", "polite");
  input.insertAdjacentElement("afterend", note);
  const language = document.documentElement.lang || "id";
  const size = (bytes) =>
    bytes < 1024 * 1024
      ? `${new Intl.NumberFormat(language, { maximumFractionDigits: 0 }).format(bytes / 1024)} KB`
      : `${new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(bytes / 1048576)} MB`;

  input.addEventListener("change", async () => {
    note.textContent = "";
    const file = input.files[0];
    if (!file || !["image/jpeg", "image/png", "image/webp"].includes(file.type)) return;
    const image = await createImageBitmap(file);
    const scale = Math.min(1, MAX_SIDE / Math.max(image.width, image.height));
    if (scale === 1 && file.size <= MAX_BYTES) return;
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(image.width * scale);
    canvas.height = Math.round(image.height * scale);
    const context = canvas.getContext("2d");
    context.fillStyle = "#fff"; // a transparent PNG becomes white, not black
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise((done) => canvas.toBlob(done, "image/jpeg", 0.85));
    if (!blob || blob.size >= file.size) return;
    const name = file.name.replace(/\.[^.]+$/, "") + ".jpg";
    const smaller = new DataTransfer();
    smaller.items.add(new File([blob], name, { type: "image/jpeg" }));
    input.files = smaller.files;
    note.textContent = input.dataset.resizedText
      .replace("{from}", size(file.size))
      .replace("{to}", size(blob.size));
  });
})();
