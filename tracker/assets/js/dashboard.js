/* GNSS Interference Tracker: browser-side helpers of the dashboard (served as a Dash asset).
 *
 * 1. Accessibility repairs of Dash 4's own components. They render ARIA that axe-core rejects
 *    (a checklist or radio group is a "listbox" whose "options" wrap focusable inputs; a dropdown's focus
 *    goes to a nameless input hidden from assistive technology; the date range's wrapper carries
 *    aria-labelledby without a role, its clear icon is a link with a label and no href). The
 *    repairs only change attributes, the components keep working as before, and they run again
 *    whenever Dash redraws a component (MutationObserver).
 * 2. Clientside callbacks (window.dash_clientside.gnssTracker): the filters button on small
 *    screens, the incident list scrolled to the selected row, focus moved into an incident
 *    opened over the page.
 *
 * No inline script anywhere: the page's content security policy allows only scripts from the
 * server itself.
 */
(function () {
  "use strict";

  function setAttr(el, name, value) {
    if (el.getAttribute(name) !== value) el.setAttribute(name, value);
  }

  function removeAttr(el, name) {
    if (el.hasAttribute(name)) el.removeAttribute(name);
  }

  function repair(root) {
    // Checklists and radio items: a group of checkboxes (or radio buttons) named by the label
    // whose id is "<list id>-label", else by the legend of the fieldset around it.
    root.querySelectorAll(".dash-options-list").forEach(function (list) {
      var radios = list.querySelector("input[type=radio]") !== null;
      setAttr(list, "role", radios ? "radiogroup" : "group");
      var label = list.id && document.getElementById(list.id + "-label");
      if (!label) {
        var fieldset = list.closest("fieldset");
        label = fieldset && fieldset.querySelector("legend");
        if (label && !label.id && list.id) label.id = list.id + "-legend";
      }
      if (label && label.id) setAttr(list, "aria-labelledby", label.id);
      list.querySelectorAll("[role='option'], [aria-selected]").forEach(function (option) {
        removeAttr(option, "role");
        removeAttr(option, "aria-selected");
      });
    });
    // Dropdowns: the visible button takes the focus (it opens the menu with Enter or Space),
    // not the hidden, nameless input in front of it.
    root.querySelectorAll(".dash-dropdown-wrapper").forEach(function (wrapper) {
      var target = wrapper.querySelector(".dash-dropdown-focus-target");
      var button = wrapper.querySelector("button.dash-dropdown");
      if (target) setAttr(target, "tabindex", "-1");
      if (button) {
        setAttr(button, "tabindex", "0");
        // Its name: the field's label, then the current value.
        var label = button.id && document.getElementById(button.id + "-label");
        if (label) {
          var parts = [button.id + "-label"];
          (button.getAttribute("aria-labelledby") || "").split(/\s+/).forEach(function (id) {
            if (id && id !== parts[0] && document.getElementById(id)) parts.push(id);
          });
          setAttr(button, "aria-labelledby", parts.join(" "));
        }
      }
    });
    // Date range: the wrapper is a plain box (the two inputs have their own names).
    root.querySelectorAll(".dash-datepicker-input-wrapper").forEach(function (wrapper) {
      ["aria-labelledby", "aria-haspopup", "aria-expanded", "aria-disabled", "type"].forEach(
        function (name) { removeAttr(wrapper, name); }
      );
    });
    root.querySelectorAll("a.dash-datepicker-clear").forEach(function (clear) {
      setAttr(clear, "role", "button");
      setAttr(clear, "tabindex", "0");
    });
  }

  var pending = false;
  function schedule() {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () {
      pending = false;
      repair(document);
    });
  }

  function start() {
    repair(document);
    new MutationObserver(schedule).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ["role", "tabindex", "aria-labelledby", "aria-hidden", "aria-selected"],
    });
    // The date picker's clear "link" reacts to clicks only: Enter and Space click it too.
    document.addEventListener("keydown", function (event) {
      var el = event.target;
      if (el && el.matches && el.matches("a.dash-datepicker-clear") &&
          (event.key === "Enter" || event.key === " ")) {
        event.preventDefault();
        el.click();
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }

  var narrow = function () { return window.matchMedia("(max-width: 991.98px)").matches; };

  window.dash_clientside = Object.assign({}, window.dash_clientside, {
    gnssTracker: {
      /* The filters button (small screens): open or close the panel. */
      toggleFilters: function (nClicks, expanded) {
        var open = expanded !== "true";
        document.body.classList.toggle("filters-open", open);
        if (open) {
          var panel = document.getElementById("filters-panel");
          var first = panel && panel.querySelector("input, button, select, [tabindex='0']");
          if (first) window.setTimeout(function () { first.focus(); }, 0);
        }
        return open ? "true" : "false";
      },
      /* After the list is drawn: scroll its box (not the page) to the selected row. */
      scrollToSelected: function (children) {
        window.setTimeout(function () {
          var box = document.getElementById("incident-list-scroll");
          var row = box && box.querySelector("tr.is-selected");
          if (!row) return;
          var top = row.offsetTop - box.clientHeight / 2 + row.offsetHeight / 2;
          box.scrollTop = Math.max(0, top);
        }, 0);
        return window.dash_clientside.no_update;
      },
      /* On a small screen an open incident covers the page: move the focus into it. */
      focusDetail: function (className) {
        if (narrow() && className && className.indexOf("is-open") >= 0) {
          window.setTimeout(function () {
            var close = document.getElementById("incident-detail-close");
            if (close) close.focus();
          }, 0);
        }
        return window.dash_clientside.no_update;
      },
    },
  });
})();
