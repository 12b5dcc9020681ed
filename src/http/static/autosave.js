/* Autosave for questionnaire pages: plain ES5, no build step, so it runs on old browsers.
   The page works fully without it; with it, the article is saved through the per-article
   API (PUT .../response/pages/:page, If-Match) a few seconds after the user stops typing.
   A stale revision (412) is not retried: the next manual Save shows the conflict page. */
(function () {
  'use strict';
  var form = document.querySelector('form[data-autosave]');
  if (!form || !window.XMLHttpRequest) return;
  var status = form.querySelector('.autosave-status');
  var timer = null;
  var saving = false;
  var dirty = false;
  var stopped = false;
  // A Save pressed while an autosave is in flight waits for it: otherwise the post would
  // carry the older revision and meet a conflict with the user's own autosave.
  var pendingSubmit = null;
  var lastButton = null;

  function say(text) {
    if (status) status.textContent = text;
  }

  function field(name) {
    return form.querySelector('input[name="' + name + '"]');
  }

  function encode() {
    var parts = [];
    for (var i = 0; i < form.elements.length; i++) {
      var el = form.elements[i];
      if (!el.name || el.disabled || el.name === '_action' || el.type === 'submit' || el.type === 'button') continue;
      if ((el.type === 'checkbox' || el.type === 'radio') && !el.checked) continue;
      if (el.tagName === 'SELECT' && el.multiple) {
        for (var j = 0; j < el.options.length; j++) if (el.options[j].selected) parts.push(encodeURIComponent(el.name) + '=' + encodeURIComponent(el.options[j].value));
        continue;
      }
      parts.push(encodeURIComponent(el.name) + '=' + encodeURIComponent(el.value));
    }
    return parts.join('&');
  }

  function save() {
    if (saving || stopped) return;
    saving = true;
    dirty = false;
    var revision = form.getAttribute('data-revision');
    var xhr = new XMLHttpRequest();
    xhr.open('PUT', form.getAttribute('data-autosave'));
    xhr.setRequestHeader('Content-Type', 'application/x-www-form-urlencoded');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('If-Match', '"rev-' + revision + '"');
    xhr.setRequestHeader('X-CSRF-Token', field('_csrf').value);
    xhr.onload = function () {
      saving = false;
      if (xhr.status === 200) {
        var body = JSON.parse(xhr.responseText);
        form.setAttribute('data-revision', String(body.revision));
        field('_revision').value = String(body.revision);
        say((document.documentElement.getAttribute('data-saved-text') || 'Saved') + ' (' + body.revision + ')');
        if (pendingSubmit) return submitNow();
        if (dirty) schedule();
      } else if (pendingSubmit) {
        submitNow();
      } else if (xhr.status === 412) {
        stopped = true;
        say(document.documentElement.getAttribute('data-conflict-text') || 'Someone else has saved this page. Press Save to compare and choose.');
      } else {
        say(document.documentElement.getAttribute('data-unsaved-text') || 'Not saved yet. Press Save.');
      }
    };
    xhr.onerror = function () {
      saving = false;
      if (pendingSubmit) return submitNow();
      say(document.documentElement.getAttribute('data-unsaved-text') || 'Not saved yet. Press Save.');
    };
    xhr.send(encode());
  }

  function schedule() {
    dirty = true;
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, 3000);
  }

  function submitNow() {
    stopped = true;
    var button = pendingSubmit;
    pendingSubmit = null;
    // form.submit() sends no button: carry the pressed button's action in a hidden field.
    if (button && button.name) {
      var hidden = document.createElement('input');
      hidden.type = 'hidden';
      hidden.name = button.name;
      hidden.value = button.value;
      form.appendChild(hidden);
    }
    form.submit();
  }

  form.addEventListener('input', schedule);
  form.addEventListener('change', schedule);
  form.addEventListener('click', function (e) {
    var el = e.target;
    while (el && el !== form && el.tagName !== 'BUTTON') el = el.parentNode;
    if (el && el.tagName === 'BUTTON') lastButton = el;
  });
  form.addEventListener('keydown', function (e) {
    // Enter in a text box submits with the form's first (default) button.
    if (e.keyCode === 13 && e.target && e.target.tagName === 'INPUT') lastButton = form.querySelector('button[type=submit]');
  });
  form.addEventListener('submit', function (e) {
    if (timer) clearTimeout(timer);
    if (saving) {
      e.preventDefault();
      pendingSubmit = e.submitter || lastButton;
      return;
    }
    stopped = true;
  });
})();
