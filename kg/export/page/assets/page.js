/* claimgraph graph page.
 * Reads the two JSON blocks (#cg-vis: vis-network nodes/edges/options built by pyvis;
 * #cg-data: entities, claims, mentions, documents), draws the network and wires the
 * search box, filters, legend and details panel.
 * Safety: every text that comes from the data is written with textContent or
 * createTextNode; nothing from the data is ever parsed as HTML or used as a URL.
 */
(function () {
  "use strict";

  var READY_EVENT = "claimgraph:ready";
  var MORE_STEP = 500;
  var SMOOTH_LIMIT = 300;
  var SEARCH_LIMIT = 12;
  var CERTAINTY = [["certain", "Certain", ""], ["probable", "Probable", "reportedly, likely"], ["possible", "Possible", "may, might, could"]];
  var WORD = /[\p{L}\p{N}]/u;

  function $(id) { return document.getElementById(id); }
  function readJSON(id) { return JSON.parse($(id).textContent); }

  /** Build an element: h("div", {class: "x", text: "..."}, [children]). Text only via textContent. */
  function h(tag, props, children) {
    var el = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (k) {
        var v = props[k];
        if (v === undefined || v === null || v === false) return;
        if (k === "class") el.className = v;
        else if (k === "text") el.textContent = String(v);
        else if (k === "onclick") el.addEventListener("click", v);
        else el.setAttribute(k, String(v));
      });
    }
    (children || []).forEach(function (c) {
      if (c === null || c === undefined || c === false) return;
      el.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
    });
    return el;
  }
  function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); }
  function fmt(n) { return Number(n).toLocaleString("en-US"); }
  function plural(n, one, many) { return fmt(n) + " " + (n === 1 ? one : (many || one + "s")); }
  function push(map, key, value) { var a = map.get(key); if (a) a.push(value); else map.set(key, [value]); }

  var VIS = readJSON("cg-vis");
  var D = readJSON("cg-data");

  // -- indexes ---------------------------------------------------------------------------
  var nodeInfo = new Map(D.nodes.map(function (n) { return [n.id, n]; }));
  var edgeInfo = new Map(D.edges.map(function (e) { return [e.id, e]; }));
  var visNode = new Map();
  var visEdge = new Map();
  VIS.nodes.concat(VIS.hidden.nodes).forEach(function (n) { visNode.set(n.id, n); });
  VIS.edges.concat(VIS.hidden.edges).forEach(function (e) { visEdge.set(e.id, e); });
  var adjacency = new Map();
  D.edges.forEach(function (e) { push(adjacency, e.from, e.id); if (e.to !== e.from) push(adjacency, e.to, e.id); });
  var typeStyle = new Map(D.types.map(function (t) { return [t[0], { label: t[1], fill: t[2], border: t[3] }]; }));
  var maxSupport = D.claims.reduce(function (m, c) { return Math.max(m, c.support); }, 1);
  // claims linked by cg:corroborates: one proposition worded differently. c.grp is the index of the
  // group's first claim, present only on claims of a group.
  var groupMembers = new Map();
  D.claims.forEach(function (c, i) { if (c.grp !== undefined) push(groupMembers, c.grp, i); });
  function groupOf(ci) { var g = D.claims[ci].grp; return g === undefined ? ci : g; }
  /** The other claims of ci's corroboration group, in claim order. */
  function corroborators(ci) { return (groupMembers.get(groupOf(ci)) || []).filter(function (x) { return x !== ci; }); }
  /** Their readable lines, without repeats and without ci's own line. */
  function otherWordings(ci) {
    var own = claimLine(D.claims[ci]);
    var seen = new Set([own]);
    return corroborators(ci).map(function (x) { return claimLine(D.claims[x]); })
      .filter(function (t) { if (seen.has(t)) return false; seen.add(t); return true; });
  }

  var shown = new Set(D.first);      // the working set: nodes in the network
  var pinned = new Set();            // nodes the reader asked for: never hidden by claim filters
  var filters = freshFilters();
  var visibleNodes = new Set();
  var visibleEdges = new Set();
  var selection = null;
  var physicsOn = D.physics;

  function freshFilters() {
    return { pub: -1, doc: -1, minSupport: 1, conflictsOnly: false,
             cert: new Set(CERTAINTY.map(function (c) { return c[0]; })),
             types: new Set(D.types.map(function (t) { return t[0]; })) };
  }
  function claimFilterActive() {
    return filters.pub >= 0 || filters.doc >= 0 || filters.minSupport > 1 || filters.conflictsOnly || filters.cert.size < CERTAINTY.length;
  }
  function mentionPasses(m) {
    if (!filters.cert.has(m.cert)) return false;
    if (filters.doc >= 0) return m.doc === filters.doc;
    if (filters.pub >= 0) return m.doc >= 0 && D.docs[m.doc].pub === filters.pub;
    return true;
  }
  function claimVisible(ci) {
    var c = D.claims[ci];
    if (c.support < filters.minSupport) return false;
    if (filters.conflictsOnly && !c.conf.length) return false;
    if (!c.m.length) return filters.pub < 0 && filters.doc < 0;
    return c.m.some(mentionPasses);
  }
  function typeOn(nid) { var n = nodeInfo.get(nid); return !n || filters.types.has(n.type); }

  // -- network ---------------------------------------------------------------------------
  var nodesDS = new vis.DataSet(VIS.nodes);
  var edgesDS = new vis.DataSet(VIS.edges);
  var nodeView = new vis.DataView(nodesDS, { filter: function (n) { return visibleNodes.has(n.id); } });
  var edgeView = new vis.DataView(edgesDS, { filter: function (e) { return visibleEdges.has(e.id); } });
  computeVisible();
  var network = new vis.Network($("cg-network"), { nodes: nodeView, edges: edgeView }, VIS.options);

  var api = window.claimgraph = {
    network: network, data: D, ready: null, stabilized: !D.physics,
    selectNode: selectNode, selectEdge: selectEdge, expand: expand, search: searchIndex,
    shown: function () { return Array.from(shown); },
    visible: function () { return { nodes: Array.from(visibleNodes), edges: Array.from(visibleEdges) }; },
    selection: function () { return selection; }
  };

  var firstDraw = true;
  network.on("afterDrawing", function () {
    if (!firstDraw) return;
    firstDraw = false;
    api.ready = performance.now();
    $("cg-loading").hidden = true;
    window.dispatchEvent(new CustomEvent(READY_EVENT));
  });
  network.on("stabilizationIterationsDone", function () { api.stabilized = true; });
  network.on("click", function (p) {
    if (p.nodes.length) selectNode(p.nodes[0], { focus: false });
    else if (p.edges.length) selectEdge(p.edges[0], { focus: false });
    else { selection = null; showOverview(); }
  });
  network.on("doubleClick", function (p) { if (p.nodes.length) expand(p.nodes[0]); });

  function computeVisible() {
    visibleEdges = new Set();
    visibleNodes = new Set();
    var hasEdge = new Set();
    var active = claimFilterActive();
    edgesDS.getIds().forEach(function (eid) {
      var e = edgeInfo.get(eid);
      if (!typeOn(e.from) && !pinned.has(e.from)) return;
      if (!typeOn(e.to) && !pinned.has(e.to)) return;
      if (!active || e.claims.some(claimVisible)) { visibleEdges.add(eid); hasEdge.add(e.from); hasEdge.add(e.to); }
    });
    nodesDS.getIds().forEach(function (nid) {
      if (pinned.has(nid) || (typeOn(nid) && (!active || hasEdge.has(nid)))) visibleNodes.add(nid);
    });
    visibleEdges.forEach(function (eid) {
      var e = edgeInfo.get(eid);
      if (!visibleNodes.has(e.from) || !visibleNodes.has(e.to)) visibleEdges.delete(eid);
    });
  }
  function refresh() {
    if (physicsOn && shown.size > D.physicsThreshold) setPhysics(false);  // too many to simulate smoothly
    computeVisible();
    nodeView.refresh();
    edgeView.refresh();
    updateStatus();
  }

  /** Add nodes (and every edge between them and the working set) to the network, in one batch:
   *  each DataSet change makes vis-network re-scan all nodes, so changes are grouped. */
  function addNodes(ids) {
    var added = [];
    ids.forEach(function (nid) {
      if (shown.has(nid) || !visNode.has(nid)) return;
      shown.add(nid);
      added.push(nid);
    });
    if (!added.length) return 0;
    var edges = new Map();
    added.forEach(function (nid) {
      (adjacency.get(nid) || []).forEach(function (eid) {
        var e = edgeInfo.get(eid);
        if (shown.has(e.from) && shown.has(e.to) && !edges.has(eid) && !edgesDS.get(eid)) edges.set(eid, visEdge.get(eid));
      });
    });
    var marks = hiddenMarks(added);
    nodesDS.add(added.map(function (nid) {
      var n = visNode.get(nid);
      return marks.has(nid) ? Object.assign({}, n, marks.get(nid)) : n;
    }));
    edgesDS.add(Array.from(edges.values()));
    var updates = [];
    marks.forEach(function (m, nid) { if (added.indexOf(nid) < 0) updates.push(m); });
    if (updates.length) nodesDS.update(updates);
    return added.length;
  }
  function hiddenNeighbours(nid) {
    var out = new Set();
    (adjacency.get(nid) || []).forEach(function (eid) {
      var e = edgeInfo.get(eid);
      var other = e.from === nid ? e.to : e.from;
      if (!shown.has(other)) out.add(other);
    });
    return out;
  }
  /** Style changes for shown nodes near ``changed`` whose "has hidden neighbours" state flips:
   *  a dashed border says "neighbours not drawn yet" (double-click to expand). */
  function hiddenMarks(changed) {
    var touch = new Set(changed);
    changed.forEach(function (nid) {
      (adjacency.get(nid) || []).forEach(function (eid) { var e = edgeInfo.get(eid); touch.add(e.from); touch.add(e.to); });
    });
    var marks = new Map();
    touch.forEach(function (nid) {
      if (!shown.has(nid)) return;
      var more = hiddenNeighbours(nid).size > 0;
      var n = visNode.get(nid);
      if (!!n._more === more) return;
      n._more = more;
      marks.set(nid, { id: nid, shapeProperties: { borderDashes: more ? [3, 3] : false }, borderWidth: more ? 2.5 : 1.5 });
    });
    return marks;
  }
  function expand(nid) {
    var added = addNodes(Array.from(hiddenNeighbours(nid)));
    refresh();
    if (selection && selection.kind === "node" && selection.id === nid) showNode(nid);
    return added;
  }
  function showMore() {
    var next = [];
    for (var i = 0; i < D.rank.length && next.length < MORE_STEP; i++) if (!shown.has(D.rank[i])) next.push(D.rank[i]);
    addNodes(next);
    refresh();
  }

  // -- selection -------------------------------------------------------------------------
  /** Glide to a target on small graphs; jump on big ones, where each animation frame is costly. */
  function animation() {
    return visibleNodes.size <= SMOOTH_LIMIT ? { duration: 450, easingFunction: "easeInOutQuad" } : false;
  }
  function ensureShown(nid) {
    var changed = false;
    if (!shown.has(nid)) { addNodes([nid].concat(Array.from(hiddenNeighbours(nid)))); changed = true; }
    if (!visibleNodes.has(nid)) { pinned.add(nid); changed = true; }
    if (changed) refresh();  // a refresh re-filters every node and edge: skip it when nothing changed
  }
  function selectNode(nid, opts) {
    if (!nodeInfo.has(nid)) return false;
    ensureShown(nid);
    selection = { kind: "node", id: nid };
    network.selectNodes([nid], true);
    if (!opts || opts.focus !== false) {
      network.focus(nid, { scale: Math.max(network.getScale(), 1.0), animation: animation() });
    }
    showNode(nid);
    return true;
  }
  function selectEdge(eid, opts) {
    var e = edgeInfo.get(eid);
    if (!e) return false;
    var changed = addNodes([e.from, e.to]) > 0;
    [e.from, e.to].forEach(function (nid) { if (!visibleNodes.has(nid)) { pinned.add(nid); changed = true; } });
    if (!visibleEdges.has(eid)) { filters = freshFilters(); syncFilterInputs(); changed = true; }
    if (changed) refresh();
    selection = { kind: "edge", id: eid };
    network.setSelection({ nodes: [], edges: [eid] }, { unselectAll: true, highlightEdges: false });
    if (!opts || opts.focus !== false) {
      var p = network.getPositions([e.from, e.to]);
      var a = p[e.from], b = p[e.to];
      if (a && b) network.moveTo({ position: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }, scale: Math.max(network.getScale(), 0.9), animation: animation() });
    }
    showEdge(eid);
    return true;
  }

  // -- details panel ---------------------------------------------------------------------
  var details = $("cg-details");

  function swatch(type) {
    var st = typeStyle.get(type) || { fill: "#ccc", border: "#999" };
    var s = h("span", { class: "cg-swatch" + (type === "Value" ? " cg-box" : "") });
    s.style.background = st.fill;
    s.style.borderColor = st.border;
    return s;
  }
  function chip(nid) {
    var n = nodeInfo.get(nid);
    return h("button", { class: "cg-chip", type: "button", title: n.label, onclick: function () { selectNode(nid); } },
      [swatch(n.type), shortText(n.label, 60)]);
  }
  function shortText(t, n) { t = String(t || ""); return t.length > n ? t.slice(0, n - 1) + "…" : t; }
  function claimLine(c) {
    return c.text || (nodeInfo.get(c.s).label + " | " + c.rel + " | " + nodeInfo.get(c.o).label);
  }
  function certaintyOf(c) {
    if (!c.m.length) return "certain";
    var best = "possible";
    c.m.forEach(function (m) { if (m.cert === "certain") best = "certain"; else if (m.cert === "probable" && best !== "certain") best = "probable"; });
    return best;
  }
  function negated(c) { return c.m.length > 0 && c.m.every(function (m) { return m.pol === "negative"; }); }
  function badges(c) {
    var out = [h("span", { class: "cg-badge cg-b-support", text: plural(c.support, "source") })];
    var cert = certaintyOf(c);
    if (cert !== "certain") out.push(h("span", { class: "cg-badge cg-b-" + cert, text: cert }));
    if (negated(c)) out.push(h("span", { class: "cg-badge cg-b-negative", text: "negated" }));
    if (c.conf.length) out.push(h("span", { class: "cg-badge cg-b-conflict", text: "conflict" }));
    return h("div", { class: "cg-badges" }, out);
  }

  /** The quoted sentence with the subject, relation and object words marked. */
  function quote(m, c) {
    var text = m.q || "";
    var terms = [];
    function add(t, cls) { if (t && String(t).length > 1) terms.push([String(t).toLowerCase(), cls]); }
    var s = nodeInfo.get(c.s), o = nodeInfo.get(c.o);
    add(m.rt, "rel");
    [s.label].concat(s.alts || []).forEach(function (t) { add(t, "subj"); });
    if (o.type === "Value") add(o.label, "obj");
    else [o.label].concat(o.alts || []).forEach(function (t) { add(t, "obj"); });
    var lower = text.toLowerCase();
    var ranges = [];
    terms.forEach(function (t) {
      var from = 0, at;
      while ((at = lower.indexOf(t[0], from)) >= 0) {
        var end = at + t[0].length;
        // whole words only: "North Korea" must not light up inside "North Korean"
        if (!WORD.test(text.charAt(at - 1) || " ") && !WORD.test(text.charAt(end) || " ")) ranges.push([at, end, t[1]]);
        from = at + 1;
      }
    });
    ranges.sort(function (a, b) { return a[0] - b[0] || (b[1] - b[0]) - (a[1] - a[0]); });
    var q = h("blockquote", { class: "cg-quote" });
    var pos = 0;
    ranges.forEach(function (r) {
      if (r[0] < pos) return;
      if (r[0] > pos) q.appendChild(document.createTextNode(text.slice(pos, r[0])));
      q.appendChild(h("mark", { class: "cg-m-" + r[2], text: text.slice(r[0], r[1]) }));
      pos = r[1];
    });
    if (pos < text.length) q.appendChild(document.createTextNode(text.slice(pos)));
    if (!text) q.appendChild(h("span", { class: "cg-empty-note", text: "no quoted text recorded" }));
    return q;
  }
  function sourceLine(m) {
    var parts = [];
    var d = m.doc >= 0 ? D.docs[m.doc] : null;
    if (d) {
      var pub = D.pubs[d.pub];
      if (pub && pub.label) parts.push(h("b", { text: pub.label }));
      parts.push(" · " );
      parts.push(h("span", { text: d.title || d.source || d.iri, title: d.source || d.iri }));
      if (d.issued) parts.push(" · " + d.issued);
    }
    var who = [];
    var pubIri = d && D.pubs[d.pub] ? D.pubs[d.pub].iri : "";
    var self = m.spk && nodeInfo.has(m.spk) && nodeInfo.get(m.spk).iri === pubIri && !m.cue;
    if ((m.spk || m.spkLabel) && !self) {
      who.push(" · said by ");
      who.push(m.spk && nodeInfo.has(m.spk)
        ? h("button", { class: "cg-link", type: "button", text: m.spkLabel || nodeInfo.get(m.spk).label, onclick: function () { selectNode(m.spk); } })
        : h("span", { text: m.spkLabel }));
      if (m.cue) who.push(" (“" + m.cue + "”)");
    }
    var extra = [];
    if (m.cert && m.cert !== "certain") extra.push(m.cert);
    if (m.pol === "negative") extra.push("negated");
    if (typeof m.confd === "number") extra.push("confidence " + m.confd.toFixed(2));
    if (typeof m.start === "number" && typeof m.end === "number") extra.push("chars " + m.start + "–" + m.end);
    return h("div", { class: "cg-source" }, ["— "].concat(parts, who, extra.length ? [" · " + extra.join(" · ")] : []));
  }
  /** A box of other claims that conflict with or corroborate a claim: items are [claim index, note]; each line
   *  says who stated that claim, and a click selects its edge. */
  function otherClaims(cls, title, items) {
    var box = h("div", { class: cls }, [h("b", { text: title })]);
    var ul = h("ul", { class: "cg-list" });
    items.forEach(function (item) {
      var other = D.claims[item[0]];
      var src = Array.from(new Set(other.m.map(function (m) { return m.doc >= 0 ? (D.pubs[D.docs[m.doc].pub] || {}).label : ""; }).filter(Boolean)));
      var note = [src.length ? "stated by " + src.join(", ") : "", item[1] || ""].filter(Boolean).join(" · ");
      ul.appendChild(h("li", { onclick: function () { selectEdge(other.edge); } }, [claimLine(other), h("span", { class: "cg-sm", text: note })]));
    });
    box.appendChild(ul);
    return box;
  }
  function claimCard(ci) {
    var c = D.claims[ci];
    var card = h("div", { class: "cg-claim" + (c.conf.length ? " cg-conflict" : ""), "data-claim": ci });
    card.appendChild(h("div", { class: "cg-claim-title", text: claimLine(c) }));
    card.appendChild(badges(c));
    if (c.quals.length) {
      var dl = h("dl", { class: "cg-quals" });
      c.quals.forEach(function (q) { dl.appendChild(h("dt", { text: q[0] })); dl.appendChild(h("dd", { text: q[1] })); });
      card.appendChild(dl);
    }
    c.m.forEach(function (m) { card.appendChild(quote(m, c)); card.appendChild(sourceLine(m)); });
    if (c.conf.length) card.appendChild(otherClaims("cg-conflicts", "Conflicts with", c.conf));
    var partners = corroborators(ci);
    if (partners.length) card.appendChild(otherClaims("cg-corroborated", "Also stated as", partners.map(function (x) { return [x]; })));
    card.appendChild(h("div", { class: "cg-iri", text: c.iri }));
    return card;
  }
  function claimRow(ci, from) {
    var c = D.claims[ci];
    var other = c.s === from ? c.o : c.s;
    var label = nodeInfo.get(other).label;
    var rel = (negated(c) ? "not " : "") + c.rel;
    var self = h("span", { class: "cg-self", text: shortText(nodeInfo.get(from).label, 40) });
    var line = c.s === from ? [self, " → ", h("i", { text: rel }), " → ", label] : [label, " → ", h("i", { text: rel }), " → ", self];
    var meta = [plural(c.support, "source")];
    var also = otherWordings(ci);
    if (also.length) meta.push("also: " + shortText(also.join(" · "), 80));
    if (c.conf.length) meta.push("conflict");
    var cert = certaintyOf(c);
    if (cert !== "certain") meta.push(cert);
    return h("li", { onclick: function () { selectEdge(c.edge); }, title: claimLine(c) }, line.concat([h("span", { class: "cg-sm", text: meta.join(" · ") })]));
  }

  function showNode(nid) {
    var n = nodeInfo.get(nid);
    clear(details);
    var st = typeStyle.get(n.type) || { label: n.type };
    details.appendChild(h("div", { class: "cg-kicker" }, [swatch(n.type), st.label]));
    details.appendChild(h("h2", { text: n.label }));
    if (n.alts && n.alts.length) details.appendChild(h("p", { class: "cg-alts", text: "also: " + n.alts.join(" · ") }));
    var own = [];
    (adjacency.get(nid) || []).forEach(function (eid) { edgeInfo.get(eid).claims.forEach(function (ci) { own.push(ci); }); });
    own = Array.from(new Set(own)).sort(function (a, b) { return D.claims[b].support - D.claims[a].support || a - b; });
    var meta = [plural(own.length, "claim")];
    if (n.mentions) meta.push("mentioned " + plural(n.mentions, "time") + " in " + plural((n.docs || []).length, "document"));
    if (n.spoke && n.spoke.length) meta.push("source of " + plural(n.spoke.length, "statement"));
    details.appendChild(h("div", { class: "cg-meta", text: meta.join(" · ") }));
    var row = h("div", { class: "cg-row" });
    var more = hiddenNeighbours(nid).size;
    if (more) row.appendChild(h("button", { class: "cg-btn cg-btn-primary", type: "button", text: "Show " + plural(more, "hidden neighbour"), onclick: function () { expand(nid); } }));
    row.appendChild(h("button", { class: "cg-btn", type: "button", text: "Centre", onclick: function () { network.focus(nid, { scale: Math.max(network.getScale(), 1.0), animation: { duration: 400 } }); } }));
    details.appendChild(row);
    if (n.type === "Value") details.appendChild(h("p", { class: "cg-meta", text: "A value (text or number) stated about " + nodeInfo.get(n.subject).label + "." }));
    if (own.length) {
      details.appendChild(h("h4", { text: "Claims" }));
      var ul = h("ul", { class: "cg-list" });
      own.slice(0, 200).forEach(function (ci) { ul.appendChild(claimRow(ci, nid)); });
      if (own.length > 200) ul.appendChild(h("li", { class: "cg-empty-note", text: "… and " + fmt(own.length - 200) + " more" }));
      details.appendChild(ul);
    }
    if (n.spoke && n.spoke.length) {
      details.appendChild(h("h4", { text: "Statements attributed to " + n.label }));
      var ul2 = h("ul", { class: "cg-list" });
      n.spoke.slice(0, 100).forEach(function (ci) {
        var c = D.claims[ci];
        var m = c.m.filter(function (x) { return x.spk === nid; })[0] || c.m[0];
        ul2.appendChild(h("li", { onclick: function () { selectEdge(c.edge); } }, [claimLine(c), h("span", { class: "cg-sm", text: (m.cue ? m.cue + ": " : "") + (m.q || "") })]));
      });
      details.appendChild(ul2);
    }
    if (n.iri) {
      details.appendChild(h("h4", { text: "Identifiers" }));
      [n.iri].concat(n.sameAs || []).forEach(function (iri) { details.appendChild(h("div", { class: "cg-iri", text: iri })); });
    }
  }

  function showEdge(eid) {
    var e = edgeInfo.get(eid);
    clear(details);
    details.appendChild(h("div", { class: "cg-kicker", text: e.claims.length > 1 ? plural(e.claims.length, "claim") : "Claim" }));
    var rels = Array.from(new Set(e.claims.map(function (ci) { var c = D.claims[ci]; return (negated(c) ? "not " : "") + c.rel; })));
    details.appendChild(h("div", { class: "cg-triple" }, [chip(e.from), h("div", { class: "cg-rel", text: "↓ " + rels.join(" / ") }), chip(e.to)]));
    var order = e.claims.slice().sort(function (a, b) { return D.claims[b].support - D.claims[a].support || a - b; });
    order.forEach(function (ci) { details.appendChild(claimCard(ci)); });
  }

  function showOverview() {
    clear(details);
    details.appendChild(h("div", { class: "cg-kicker", text: "Overview" }));
    details.appendChild(h("h2", { text: D.title }));
    var c = D.counts;
    var line = [plural(c.entities, "entity", "entities"), plural(c.claims, "claim"), plural(c.documents, "document")];
    details.appendChild(h("div", { class: "cg-meta", text: line.join(" · ") }));
    if (c.droppedEntities) details.appendChild(h("p", { class: "cg-meta", text: fmt(c.droppedEntities) + " less supported entities (and " + plural(c.droppedClaims, "claim") + ") are left out of this page; query the store for them." }));
    details.appendChild(h("ul", { class: "cg-help" }, [
      h("li", {}, ["Click an ", h("b", { text: "edge" }), " to read the sentences behind it; click a ", h("b", { text: "node" }), " for its claims."]),
      h("li", {}, [h("b", { text: "Double-click" }), " a node with a dashed ring to show its hidden neighbours."]),
      h("li", {}, [h("span", { class: "cg-kbd", text: "/" }), " jumps to the search box; any name or alias works."])
    ]));
    var conflicts = [];
    D.claims.forEach(function (cl, i) { cl.conf.forEach(function (x) { if (i < x[0]) conflicts.push([i, x[0], x[1]]); }); });
    if (conflicts.length) {
      details.appendChild(h("h4", { text: "Conflicts (" + fmt(conflicts.length) + ")" }));
      var ul = h("ul", { class: "cg-list" });
      conflicts.slice(0, 30).forEach(function (p) {
        var a = D.claims[p[0]], b = D.claims[p[1]];
        ul.appendChild(h("li", { onclick: function () { selectEdge(a.edge); } }, [claimLine(a), h("span", { class: "cg-dir", text: "  vs  " }), claimLine(b), p[2] ? h("span", { class: "cg-sm", text: p[2] }) : null]));
      });
      details.appendChild(ul);
    }
    // one entry per proposition: a corroboration group shows its best-supported claim, its other wordings under it
    var listed = new Set();
    var best = D.claims.map(function (_, i) { return i; }).filter(function (i) { return D.claims[i].support > 1; })
      .sort(function (a, b) { return D.claims[b].support - D.claims[a].support || a - b; })
      .filter(function (i) { var g = groupOf(i); if (listed.has(g)) return false; listed.add(g); return true; }).slice(0, 10);
    if (best.length) {
      details.appendChild(h("h4", { text: "Stated by several sources" }));
      var ul2 = h("ul", { class: "cg-list" });
      best.forEach(function (i) {
        var cl = D.claims[i];
        var also = otherWordings(i);
        ul2.appendChild(h("li", { "data-claim": i, onclick: function () { selectEdge(cl.edge); } }, [
          claimLine(cl),
          also.length ? h("span", { class: "cg-sm cg-also", text: "also: " + also.join(" · ") }) : null,
          h("span", { class: "cg-sm", text: plural(cl.support, "source") })
        ]));
      });
      details.appendChild(ul2);
    }
    if (D.docs.length) {
      details.appendChild(h("h4", { text: "Documents" }));
      var ul3 = h("ul", { class: "cg-list" });
      D.docs.slice(0, 100).forEach(function (d, i) {
        var pub = D.pubs[d.pub];
        ul3.appendChild(h("li", { title: "Show only this document's claims", onclick: function () { filters.doc = i; filters.pub = -1; syncFilterInputs(); refresh(); } },
          [d.title || d.source || d.iri, h("span", { class: "cg-sm", text: [pub && pub.label, d.issued, d.source].filter(Boolean).join(" · ") })]));
      });
      if (D.docs.length > 100) ul3.appendChild(h("li", { class: "cg-empty-note", text: "… and " + fmt(D.docs.length - 100) + " more" }));
      details.appendChild(ul3);
    }
  }

  // -- search ----------------------------------------------------------------------------
  var index = null;
  var rankOrder = null;
  function buildIndex() {
    rankOrder = new Map(D.rank.map(function (id, i) { return [id, i]; }));
    index = [];
    D.nodes.forEach(function (n) {
      index.push([n.label.toLowerCase(), n.id, null]);
      (n.alts || []).forEach(function (a) { index.push([a.toLowerCase(), n.id, a]); });
    });
  }
  /** Entities whose label or alias contains ``query``: exact, then prefix, then word start, then anywhere. */
  function searchIndex(query, limit) {
    if (!index) buildIndex();
    var q = String(query || "").trim().toLowerCase();
    if (!q) return [];
    var best = new Map();
    index.forEach(function (entry) {
      var at = entry[0].indexOf(q);
      if (at < 0) return;
      var rank = entry[0] === q ? 0 : at === 0 ? 1 : /[\s\-–(“"']/.test(entry[0].charAt(at - 1)) ? 2 : 3;
      if (nodeInfo.get(entry[1]).type === "Value") rank += 4;
      var prev = best.get(entry[1]);
      if (!prev || rank < prev.rank) best.set(entry[1], { id: entry[1], rank: rank, via: entry[2] });
    });
    var order = rankOrder;
    return Array.from(best.values()).sort(function (a, b) { return a.rank - b.rank || order.get(a.id) - order.get(b.id); }).slice(0, limit || SEARCH_LIMIT);
  }
  var searchBox = $("cg-search");
  var results = $("cg-results");
  var hits = [];
  var active = -1;
  function renderResults() {
    clear(results);
    if (!searchBox.value.trim()) { results.hidden = true; searchBox.setAttribute("aria-expanded", "false"); return; }
    if (!hits.length) results.appendChild(h("li", { class: "cg-empty", text: "No entity matches" }));
    hits.forEach(function (hit, i) {
      var n = nodeInfo.get(hit.id);
      var li = h("li", { role: "option", "aria-selected": i === active ? "true" : "false", "data-node": hit.id }, [swatch(n.type), shortText(n.label, 70)]);
      if (hit.via) li.appendChild(h("span", { class: "cg-via", text: "as “" + hit.via + "”" }));
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); pick(i); });
      results.appendChild(li);
    });
    results.hidden = false;
    searchBox.setAttribute("aria-expanded", "true");
  }
  function pick(i) {
    var hit = hits[i < 0 ? 0 : i];
    if (!hit) return;
    results.hidden = true;
    searchBox.setAttribute("aria-expanded", "false");
    selectNode(hit.id);
  }
  searchBox.addEventListener("input", function () { hits = searchIndex(searchBox.value); active = hits.length ? 0 : -1; renderResults(); });
  searchBox.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown") { active = Math.min(hits.length - 1, active + 1); renderResults(); ev.preventDefault(); }
    else if (ev.key === "ArrowUp") { active = Math.max(0, active - 1); renderResults(); ev.preventDefault(); }
    else if (ev.key === "Enter") { if (!hits.length) hits = searchIndex(searchBox.value); pick(active); ev.preventDefault(); }
    else if (ev.key === "Escape") { results.hidden = true; searchBox.blur(); }
  });
  searchBox.addEventListener("blur", function () { results.hidden = true; });
  searchBox.addEventListener("focus", function () { if (searchBox.value.trim()) renderResults(); });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "/" && document.activeElement !== searchBox && !/^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement.tagName)) { ev.preventDefault(); searchBox.focus(); searchBox.select(); }
  });

  // -- filters and legend ----------------------------------------------------------------
  var pubSelect = $("cg-f-pub"), docSelect = $("cg-f-doc"), supportInput = $("cg-f-support"), conflictsInput = $("cg-f-conflicts");
  pubSelect.appendChild(h("option", { value: "-1", text: "All publishers (" + fmt(D.pubs.length) + ")" }));
  D.pubs.map(function (p, i) { return [p.label, i]; }).sort(function (a, b) { return a[0].localeCompare(b[0]); })
    .forEach(function (p) { pubSelect.appendChild(h("option", { value: p[1], text: shortText(p[0], 48) })); });
  docSelect.appendChild(h("option", { value: "-1", text: "All documents (" + fmt(D.docs.length) + ")" }));
  D.docs.forEach(function (d, i) { docSelect.appendChild(h("option", { value: i, text: shortText(d.title || d.source || d.iri, 48), title: d.title })); });
  supportInput.max = String(maxSupport);
  supportInput.disabled = maxSupport < 2;
  var conflictCount = D.claims.filter(function (c) { return c.conf.length; }).length;
  $("cg-n-conflicts").textContent = fmt(conflictCount);
  conflictsInput.disabled = conflictCount === 0;

  var certBox = $("cg-f-cert");
  var certCount = {};
  D.claims.forEach(function (c) { var k = certaintyOf(c); certCount[k] = (certCount[k] || 0) + 1; });
  CERTAINTY.forEach(function (c) {
    var input = h("input", { type: "checkbox", "data-cert": c[0] });
    input.checked = true;
    input.addEventListener("change", function () { if (input.checked) filters.cert.add(c[0]); else filters.cert.delete(c[0]); refresh(); });
    certBox.appendChild(h("label", { class: "cg-check", title: c[2] ? "hedged with " + c[2] : "stated without hedging" },
      [input, " " + c[1], c[2] ? h("span", { class: "cg-hint", text: c[2] }) : null, h("span", { class: "cg-n", text: fmt(certCount[c[0]] || 0) })]));
  });
  var typeBox = $("cg-f-types");
  var typeCount = {};
  D.nodes.forEach(function (n) { typeCount[n.type] = (typeCount[n.type] || 0) + 1; });
  D.types.forEach(function (t) {
    var input = h("input", { type: "checkbox", "data-type": t[0] });
    input.checked = true;
    input.addEventListener("change", function () { if (input.checked) filters.types.add(t[0]); else filters.types.delete(t[0]); refresh(); });
    typeBox.appendChild(h("label", { class: "cg-check" }, [input, swatch(t[0]), t[1], h("span", { class: "cg-n", text: fmt(typeCount[t[0]] || 0) })]));
  });
  function edgeSample(width, color, dash) {
    var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("width", "44"); svg.setAttribute("height", "12"); svg.setAttribute("aria-hidden", "true");
    var line = document.createElementNS("http://www.w3.org/2000/svg", "line");
    line.setAttribute("x1", "2"); line.setAttribute("y1", "6"); line.setAttribute("x2", "42"); line.setAttribute("y2", "6");
    line.setAttribute("stroke", color); line.setAttribute("stroke-width", String(width));
    if (dash) line.setAttribute("stroke-dasharray", dash);
    svg.appendChild(line);
    return svg;
  }
  var legend = $("cg-legend-edges");
  [[1.3, D.edgeColor, null, "stated by 1 source"], [2.8, D.edgeColor, null, "2 sources"], [4.3, D.edgeColor, null, "3 or more (wider = more)"],
   [2, D.conflictColor, "7 4", "in conflict with another claim"], [2, D.edgeColor, "2 4", "hedged (probable / possible)"]]
    .forEach(function (r) { legend.appendChild(h("div", { class: "cg-edge-row" }, [edgeSample(r[0], r[1], r[2]), r[3]])); });
  if (D.first.length < D.nodes.length) {
    var ring = h("span", { class: "cg-swatch cg-ring" });
    legend.appendChild(h("div", { class: "cg-edge-row" }, [h("span", { class: "cg-ring-box" }, [ring]), "node with hidden neighbours (double-click)"]));
  }

  function syncFilterInputs() {
    pubSelect.value = String(filters.pub);
    docSelect.value = String(filters.doc);
    supportInput.value = String(filters.minSupport);
    $("cg-f-support-out").textContent = String(filters.minSupport);
    conflictsInput.checked = filters.conflictsOnly;
    certBox.querySelectorAll("input").forEach(function (i) { i.checked = filters.cert.has(i.getAttribute("data-cert")); });
    typeBox.querySelectorAll("input").forEach(function (i) { i.checked = filters.types.has(i.getAttribute("data-type")); });
  }
  pubSelect.addEventListener("change", function () { filters.pub = Number(pubSelect.value); filters.doc = -1; docSelect.value = "-1"; refresh(); });
  docSelect.addEventListener("change", function () { filters.doc = Number(docSelect.value); filters.pub = -1; pubSelect.value = "-1"; refresh(); });
  supportInput.addEventListener("input", function () { filters.minSupport = Number(supportInput.value); $("cg-f-support-out").textContent = supportInput.value; refresh(); });
  conflictsInput.addEventListener("change", function () { filters.conflictsOnly = conflictsInput.checked; refresh(); });
  $("cg-reset").addEventListener("click", function () { filters = freshFilters(); pinned.clear(); syncFilterInputs(); refresh(); });

  // -- status bar ------------------------------------------------------------------------
  var moreButton = $("cg-more"), physicsButton = $("cg-physics");
  function updateStatus() {
    var total = D.nodes.length;
    var text = "Showing " + fmt(visibleNodes.size) + " of " + fmt(total) + " nodes · " + plural(visibleEdges.size, "edge");
    if (shown.size < total) text += " · double-click a dashed node to expand";
    $("cg-status").textContent = text;
    moreButton.hidden = shown.size >= total;
    moreButton.textContent = "Show " + fmt(Math.min(MORE_STEP, total - shown.size)) + " more";
  }
  moreButton.addEventListener("click", showMore);
  $("cg-fit").addEventListener("click", function () { network.fit({ animation: { duration: 400 } }); });
  physicsButton.hidden = false;
  physicsButton.textContent = physicsOn ? "Freeze layout" : "Let nodes move";
  physicsButton.addEventListener("click", function () { setPhysics(!physicsOn); });
  function setPhysics(on) {
    physicsOn = on;
    network.setOptions({ physics: { enabled: on } });
    physicsButton.textContent = on ? "Freeze layout" : "Let nodes move";
  }

  var counts = $("cg-counts");
  [[D.counts.entities, "entities"], [D.counts.claims, "claims"], [D.counts.documents, "documents"]].forEach(function (p, i) {
    if (i) counts.appendChild(document.createTextNode(" · "));
    counts.appendChild(h("b", { text: fmt(p[0]) }));
    counts.appendChild(document.createTextNode(" " + p[1]));
  });
  $("cg-title").textContent = D.title;
  document.title = D.title + " · claimgraph";

  updateStatus();
  showOverview();
})();
