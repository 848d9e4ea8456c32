// Messages inside the phone's forms: a refusal, the privacy warning, and the text given back.

export function formMessage(form, text) {
  let box = form.querySelector("[data-form-message]");
  if (!box) {
    box = document.createElement("div");
    box.className = "alert alert-error";
    box.setAttribute("role", "alert");
    box.setAttribute("data-form-message", "");
    const body = document.createElement("div");
    body.className = "alert-body";
    const text = document.createElement("p");
    text.className = "alert-text";
    body.appendChild(text);
    box.appendChild(body);
    form.insertBefore(box, form.firstChild);
  }
  box.querySelector("p").textContent = text || "";
  box.hidden = !text;
}

export function showWarning(form, message) {
  const box = form.querySelector("[data-privacy-warning]");
  if (!box) {
    formMessage(form, message);
    return;
  }
  box.querySelector("[data-privacy-message]").textContent = message;
  box.hidden = false;
  box.focus();
}

export function hideWarning(form) {
  const box = form.querySelector("[data-privacy-warning]");
  if (box) {
    box.hidden = true;
  }
}

// A post-it in the "Waiting to be sent" or "Not sent" lists.
export function listItem(text, note) {
  const li = document.createElement("li");
  li.className = "samskab-postit";
  if (text) {
    const p = document.createElement("p");
    p.className = "samskab-pre";
    p.textContent = text;
    li.appendChild(p);
  }
  const meta = document.createElement("p");
  meta.className = "samskab-meta";
  meta.textContent = note;
  li.appendChild(meta);
  return li;
}
