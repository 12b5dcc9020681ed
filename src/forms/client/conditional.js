/* Reveals conditional questions as answers change. Plain ES5, no build step: the form works
 * without it (hidden questions appear after saving); with it they appear at once.
 * Each <div class="conditional" data-condition='JSON'> carries a condition on other inputs:
 *   {"field": "<input name>", "const": v}     holds when the field is empty or equals v
 *   {"field": "<input name>", "enum": [...]}  holds when the field is empty or is one of them
 *   {"field": "<input name>", "present": true} holds when the field has a value
 *   {"not": c}, {"allOf": [c...]}, {"anyOf": [c...]}
 * Values are compared as the strings the inputs submit (true → "true").
 * A direct child <fieldset class="conditional__group"> is disabled while hidden, so that
 * hidden alternatives submit nothing. */
(function (root) {
  'use strict';

  function valuesOf(form, name) {
    var out = [];
    var els = form.elements ? form.elements : [];
    for (var i = 0; i < els.length; i++) {
      var el = els[i];
      if (el.name !== name || el.disabled) continue;
      var type = (el.type || '').toLowerCase();
      if (type === 'radio' || type === 'checkbox') {
        if (el.checked) out.push(el.value);
      } else if (el.tagName && el.tagName.toLowerCase() === 'select') {
        for (var j = 0; j < el.options.length; j++) if (el.options[j].selected && el.options[j].value !== '') out.push(el.options[j].value);
      } else if (type !== 'submit' && type !== 'button' && el.value !== '' && !/^\s*$/.test(el.value)) {
        out.push(el.value);
      }
    }
    return out;
  }

  function asString(v) {
    return typeof v === 'string' ? v : JSON.stringify(v);
  }

  /** Whether a condition holds, given a function from input name to its submitted values. */
  function matches(cond, values) {
    var i;
    if (!cond || typeof cond !== 'object') return true;
    if (cond.not) return !matches(cond.not, values);
    if (cond.allOf) {
      for (i = 0; i < cond.allOf.length; i++) if (!matches(cond.allOf[i], values)) return false;
      return true;
    }
    if (cond.anyOf) {
      for (i = 0; i < cond.anyOf.length; i++) if (matches(cond.anyOf[i], values)) return true;
      return false;
    }
    if (typeof cond.field !== 'string') return true;
    var vals = values(cond.field);
    if (cond.present) return vals.length > 0;
    if (vals.length === 0) return true;
    var allowed = cond.hasOwnProperty('const') ? [cond['const']] : cond['enum'] || [];
    for (i = 0; i < vals.length; i++) {
      for (var j = 0; j < allowed.length; j++) if (vals[i] === asString(allowed[j])) return true;
    }
    return false;
  }

  function update(form) {
    var blocks = form.querySelectorAll('.conditional[data-condition]');
    var values = function (name) { return valuesOf(form, name); };
    // Outer blocks come first in document order, so a block nested in a hidden one is
    // evaluated with its controlling inputs already disabled.
    for (var i = 0; i < blocks.length; i++) {
      var block = blocks[i];
      var cond;
      try {
        cond = JSON.parse(block.getAttribute('data-condition'));
      } catch (e) {
        continue;
      }
      var show = matches(cond, values);
      block.hidden = !show;
      var group = block.firstElementChild;
      if (group && group.tagName && group.tagName.toLowerCase() === 'fieldset' && /\bconditional__group\b/.test(group.className)) group.disabled = !show;
    }
  }

  function formOf(el) {
    while (el && el.tagName && el.tagName.toLowerCase() !== 'form') el = el.parentNode;
    return el && el.tagName ? el : null;
  }

  function start(doc) {
    doc.addEventListener('change', function (event) {
      var form = formOf(event.target);
      if (form) update(form);
    });
    var forms = doc.querySelectorAll('form');
    for (var i = 0; i < forms.length; i++) update(forms[i]);
  }

  root.untocConditional = { matches: matches, update: update };
  if (root.document) {
    if (root.document.readyState === 'loading') root.document.addEventListener('DOMContentLoaded', function () { start(root.document); });
    else start(root.document);
  }
})(typeof window !== 'undefined' ? window : this);
