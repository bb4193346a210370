/**
 * What runs inside the headless Chromium page of the "chromium" rendition route, kept as plain JavaScript
 * source (not a serialised TypeScript function, whose transpiled form may reference helpers the page lacks).
 *
 * The page holds docx-preview and JSZip (loaded from node_modules by rendition.ts) and this script, which
 * installs `window.__cbRendition`:
 *   renderBatch(docs)   prepares each DOCX (table borders resolved onto cells, PAGE/NUMPAGES fields in headers
 *                       and footers turned into markers), renders it with docx-preview into its own container
 *                       (class name per document, so style ids of different documents cannot collide), turns
 *                       every docx-preview page section into a CSS named page (size and margins of the Word
 *                       section) whose header and footer are @page margin boxes, and estimates page counts;
 *   applyCounts(counts) writes the @page rules and two @counter-style maps global page → (page in document,
 *                       pages of document), so "共 X 页 第 Y 页" is per document although the batch prints once.
 * Each document container starts on a new page and carries a named destination `cbdoc-<i>`, from which
 * rendition.ts learns the first page of every document in the printed PDF.
 */

/** CSS that maps the Chinese font families of Word documents onto installed fonts. The real Windows/macOS
 * fonts come first; then TrueType-outline open fonts (Debian: fonts-arphic-uming, fonts-wqy-zenhei,
 * fonts-arphic-ukai), which Chromium embeds as CID TrueType, unlike Noto CJK's CFF outlines (Type 3). */
const SONG = ['SimSun', '宋体', 'NSimSun', '新宋体', 'STSong', 'Songti SC', 'AR PL UMing CN', 'UMingCN', 'AR PL UMing', 'AR PL SungtiL GB']
const FANGSONG = ['FangSong', '仿宋', 'FangSong_GB2312', '仿宋_GB2312', 'STFangsong', 'AR PL UMing CN', 'UMingCN', 'AR PL UMing']
const HEI = ['SimHei', '黑体', 'STHeiti', 'Heiti SC', 'WenQuanYi Zen Hei', 'WenQuanYiZenHei', 'WenQuanYi Micro Hei', 'Droid Sans Fallback']
const KAI = [
  'KaiTi',
  '楷体',
  'KaiTi_GB2312',
  '楷体_GB2312',
  'STKaiti',
  'Kaiti SC',
  'AR PL UKai CN',
  'UKaiCN',
  'AR PL UKai',
  'AR PL UMing CN'
]
const YAHEI = ['Microsoft YaHei', '微软雅黑', 'PingFang SC', 'WenQuanYi Zen Hei', 'WenQuanYiZenHei', 'Droid Sans Fallback']
const XIAOBIAOSONG = [
  '方正小标宋简体',
  'FZXiaoBiaoSong-B05S',
  '方正小标宋_GBK',
  '华文中宋',
  'STZhongsong',
  'SimSun',
  '宋体',
  'AR PL UMing CN',
  'UMingCN'
]

const FAMILIES: [string[], string[]][] = [
  [['SimSun', '宋体', 'NSimSun', '新宋体', 'STSong', '华文宋体', 'Songti SC'], SONG],
  [['FangSong', '仿宋', 'FangSong_GB2312', '仿宋_GB2312', 'STFangsong', '华文仿宋'], FANGSONG],
  [['SimHei', '黑体', 'STHeiti', '华文黑体'], HEI],
  [['KaiTi', '楷体', 'KaiTi_GB2312', '楷体_GB2312', 'STKaiti', '华文楷体'], KAI],
  [['Microsoft YaHei', '微软雅黑'], YAHEI],
  [['方正小标宋简体', '方正小标宋_GBK', 'FZXiaoBiaoSong-B05S', '华文中宋', 'STZhongsong'], XIAOBIAOSONG]
]

const q = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`

// Regular faces only: these families have no bold face, so bold text is synthesised (declaring the regular file
// as the bold face too would print bold text regular).
export const FONT_CSS = FAMILIES.flatMap(([names, sources]) =>
  names.map(
    (name) =>
      `@font-face { font-family: ${q(name)}; src: ${[name, ...sources.filter((s) => s !== name)].map((s) => `local(${q(s)})`).join(', ')}; }`
  )
).join('\n')

/** Print layout: docx-preview's screen page boxes become flowing content on CSS named pages. */
export const LAYOUT_CSS = `
@page { size: A4; margin: 0; }
html, body { margin: 0; padding: 0; background: #fff; }
.cb-doc { display: block; }
.cb-doc + .cb-doc { break-before: page; }
.cb-mark { display: block; height: 0; overflow: hidden; }
.cb-doc > section { box-sizing: border-box; display: block !important; padding: 0 !important; margin: 0 !important;
  min-height: 0 !important; box-shadow: none !important; overflow: visible !important; background: transparent !important; }
.cb-doc > section + section { break-before: page; }
.cb-doc > section > article { margin: 0 !important; }
.cb-doc tr { break-inside: avoid; }
`

/** The page script (plain JavaScript). */
export const PAGE_SCRIPT = String.raw`
(function () {
  'use strict'
  var CJK_FAMILIES = __CJK_FAMILIES__
  var W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
  var PAGE = '\uE000', NUMPAGES = '\uE001'
  var SIDES = ['top', 'left', 'bottom', 'right']
  var state = { docs: [] }

  function kids(el, name) {
    var out = []
    for (var c = el.firstElementChild; c; c = c.nextElementSibling) if (c.namespaceURI === W && c.localName === name) out.push(c)
    return out
  }
  function kid(el, name) { return el ? kids(el, name)[0] || null : null }
  function attr(el, name) { return el ? el.getAttributeNS(W, name) || el.getAttribute('w:' + name) : null }

  function b64ToBytes(b64) {
    var s = atob(b64), out = new Uint8Array(s.length)
    for (var i = 0; i < s.length; i++) out[i] = s.charCodeAt(i)
    return out
  }

  // ---------------------------------------------------------------------------------------------------------
  // Table borders: docx-preview draws w:tblBorders' outer sides on every cell and ignores insideH/insideV, and a
  // table style's borders likewise. Resolve them the way Word does and write them onto each cell (w:tcBorders),
  // then drop the table-level borders.
  // ---------------------------------------------------------------------------------------------------------
  function borderMap(el) {
    var m = {}
    if (!el) return m
    for (var c = el.firstElementChild; c; c = c.nextElementSibling) {
      var n = c.localName === 'start' ? 'left' : c.localName === 'end' ? 'right' : c.localName
      m[n] = c
    }
    return m
  }
  function styleTableBorders(stylesDoc, id) {
    var seen = {}, chain = []
    while (stylesDoc && id && !seen[id]) {
      seen[id] = true
      var st = null, all = stylesDoc.getElementsByTagNameNS(W, 'style')
      for (var i = 0; i < all.length; i++) if (attr(all[i], 'styleId') === id) { st = all[i]; break }
      if (!st) break
      chain.unshift(st)
      id = attr(kid(st, 'basedOn'), 'val')
    }
    var m = {}
    chain.forEach(function (st) {
      var b = borderMap(kid(kid(st, 'tblPr'), 'tblBorders'))
      for (var k in b) m[k] = b[k]
    })
    return m
  }
  function setBorder(doc, tcBorders, side, src) {
    var el = doc.createElementNS(W, 'w:' + side)
    if (src) for (var i = 0; i < src.attributes.length; i++) { var a = src.attributes[i]; el.setAttributeNS(a.namespaceURI, a.name, a.value) }
    else el.setAttributeNS(W, 'w:val', 'nil')
    tcBorders.appendChild(el)
  }
  function fixTables(doc, stylesDoc) {
    var tables = Array.prototype.slice.call(doc.getElementsByTagNameNS(W, 'tbl'))
    tables.forEach(function (tbl) {
      var tblPr = kid(tbl, 'tblPr')
      var b = styleTableBorders(stylesDoc, attr(kid(tblPr, 'tblStyle'), 'val'))
      var direct = kid(tblPr, 'tblBorders')
      var d = borderMap(direct)
      for (var k in d) b[k] = d[k]
      if (!Object.keys(b).length) return
      var rows = kids(tbl, 'tr')
      var grid = kids(kid(tbl, 'tblGrid'), 'gridCol').length
      // cells with their grid columns
      var layout = rows.map(function (tr) {
        var col = parseInt(attr(kid(kid(tr, 'trPr'), 'gridBefore'), 'val') || '0', 10)
        return kids(tr, 'tc').map(function (tc) {
          var tcPr = kid(tc, 'tcPr')
          var span = parseInt(attr(kid(tcPr, 'gridSpan'), 'val') || '1', 10)
          var vm = kid(tcPr, 'vMerge')
          var cell = { tc: tc, col: col, span: span, cont: !!vm && attr(vm, 'val') !== 'restart' }
          col += span
          return cell
        })
      })
      layout.forEach(function (row) { row.forEach(function (c) { if (c.col + c.span > grid) grid = c.col + c.span }) })
      layout.forEach(function (row, r) {
        row.forEach(function (c, i) {
          if (c.cont) return
          var last = r
          while (last + 1 < layout.length && layout[last + 1].some(function (x) { return x.cont && x.col === c.col })) last++
          var tcPr = kid(c.tc, 'tcPr')
          if (!tcPr) { tcPr = doc.createElementNS(W, 'w:tcPr'); c.tc.insertBefore(tcPr, c.tc.firstChild) }
          var tcB = kid(tcPr, 'tcBorders')
          var own = borderMap(tcB)
          if (tcB) tcPr.removeChild(tcB)
          tcB = doc.createElementNS(W, 'w:tcBorders')
          var pick = {
            top: own.top || (r === 0 ? b.top : b.insideH),
            bottom: own.bottom || (last === layout.length - 1 ? b.bottom : b.insideH),
            left: own.left || (i === 0 && c.col === 0 ? b.left : b.insideV),
            right: own.right || (c.col + c.span >= grid ? b.right : b.insideV)
          }
          SIDES.forEach(function (s) { setBorder(doc, tcB, s, pick[s]) })
          // schema order: after tcW/gridSpan/vMerge, before shd/tcMar/vAlign
          var before = kid(tcPr, 'shd') || kid(tcPr, 'noWrap') || kid(tcPr, 'tcMar') || kid(tcPr, 'textDirection') || kid(tcPr, 'tcFitText') || kid(tcPr, 'vAlign') || kid(tcPr, 'hideMark')
          tcPr.insertBefore(tcB, before)
        })
      })
      if (direct) tblPr.removeChild(direct)
    })
  }

  // ---------------------------------------------------------------------------------------------------------
  // PAGE / NUMPAGES / SECTIONPAGES fields in headers and footers become marker characters that the margin boxes
  // replace with per-document page counters.
  // ---------------------------------------------------------------------------------------------------------
  function fieldMarker(instr) {
    var name = (instr || '').trim().split(/\s+/)[0].toUpperCase()
    return name === 'PAGE' ? PAGE : name === 'NUMPAGES' || name === 'SECTIONPAGES' ? NUMPAGES : null
  }
  function markerRun(doc, rPr, text) {
    var r = doc.createElementNS(W, 'w:r')
    if (rPr) r.appendChild(rPr.cloneNode(true))
    var t = doc.createElementNS(W, 'w:t')
    t.textContent = text
    r.appendChild(t)
    return r
  }
  function fixFields(doc) {
    Array.prototype.slice.call(doc.getElementsByTagNameNS(W, 'fldSimple')).forEach(function (f) {
      var m = fieldMarker(attr(f, 'instr'))
      if (!m) return
      var firstRun = kid(f, 'r')
      f.parentNode.replaceChild(markerRun(doc, kid(firstRun, 'rPr'), m), f)
    })
    var runs = Array.prototype.slice.call(doc.getElementsByTagNameNS(W, 'r'))
    var depth = 0, cur = null
    runs.forEach(function (r) {
      var fc = kid(r, 'fldChar'), type = attr(fc, 'fldCharType')
      if (type === 'begin') {
        depth++
        if (depth === 1) cur = { runs: [r], instr: '', begin: r }
        else if (cur) cur.runs.push(r)
        return
      }
      if (!cur) return
      cur.runs.push(r)
      var it = kid(r, 'instrText')
      if (it && depth === 1) cur.instr += it.textContent
      if (type === 'end') {
        depth--
        if (depth === 0) {
          var m = fieldMarker(cur.instr)
          if (m) {
            cur.begin.parentNode.insertBefore(markerRun(doc, kid(cur.begin, 'rPr'), m), cur.begin)
            cur.runs.forEach(function (x) { if (x.parentNode) x.parentNode.removeChild(x) })
          }
          cur = null
        }
      }
    })
  }

  async function prepare(bytes) {
    var zip = await JSZip.loadAsync(bytes)
    var parser = new DOMParser(), ser = new XMLSerializer()
    var stylesFile = zip.file('word/styles.xml')
    var stylesDoc = stylesFile ? parser.parseFromString(await stylesFile.async('string'), 'application/xml') : null
    var names = Object.keys(zip.files).filter(function (n) { return /^word\/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$/.test(n) })
    for (var i = 0; i < names.length; i++) {
      var xml = await zip.file(names[i]).async('string')
      var doc = parser.parseFromString(xml, 'application/xml')
      if (doc.getElementsByTagName('parsererror').length) continue
      fixTables(doc, stylesDoc)
      if (/header|footer/.test(names[i])) fixFields(doc)
      zip.file(names[i], ser.serializeToString(doc))
    }
    // handed to docx-preview as the opened package (see the JSZip.loadAsync hook below): no re-zip, no re-inflate
    return { __cbZip: zip }
  }
  var loadAsync = JSZip.loadAsync
  JSZip.loadAsync = function (data) {
    if (data && data.__cbZip) return Promise.resolve(data.__cbZip)
    return loadAsync.apply(this, arguments)
  }

  // ---------------------------------------------------------------------------------------------------------
  // Page geometry, headers and footers
  // ---------------------------------------------------------------------------------------------------------
  function pt(v) {
    var m = /^(-?[\d.]+)(pt|px)?$/.exec((v || '').trim())
    if (!m) return null
    return m[2] === 'px' ? parseFloat(m[1]) * 0.75 : parseFloat(m[1])
  }
  function pxIn(v) {
    var m = /(-?[\d.]+)px/.exec(v || '')
    return m ? parseFloat(m[1]) * 0.75 : null
  }
  function cssString(s) {
    return '"' + s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\A ') + '"'
  }
  /** a header/footer element → a margin box, or null when it has more than text (it then stays in the flow) */
  function marginBox(el, where) {
    if (!el) return null
    if (el.querySelector('img, svg, table, canvas, object')) return null
    var paras = Array.prototype.slice.call(el.querySelectorAll('p')).filter(function (p) { return p.textContent.replace(/\s/g, '') !== '' })
    if (!paras.length) return { empty: true }
    var first = paras[0]
    var span = first.querySelector('span') || first
    var cs = getComputedStyle(span), ps = getComputedStyle(first)
    var align = ps.textAlign
    var pos = align === 'center' ? 'center' : align === 'right' || align === 'end' ? 'right' : 'left'
    var text = paras.map(function (p) { return p.textContent }).join('\n')
    // distance of the header/footer from the page edge: docx-preview sizes the element as (margin - distance)
    var inner = pxIn(el.style.minHeight)
    return { where: where, pos: pos, text: text, inner: inner, fontFamily: cs.fontFamily, fontSize: cs.fontSize, fontWeight: cs.fontWeight, color: cs.color }
  }
  function boxCss(box, marginPt, counters) {
    var parts = box.text.split(/([\uE000\uE001])/).filter(function (s) { return s !== '' }).map(function (s) {
      return s === PAGE ? 'counter(page, ' + counters.page + ')' : s === NUMPAGES ? 'counter(page, ' + counters.total + ')' : cssString(s)
    })
    var dist = box.inner !== null ? Math.max(0, marginPt - box.inner) : null
    var v = box.where === 'bottom' ? 'bottom' : 'top'
    var pad = dist !== null ? 'padding-' + v + ': ' + dist.toFixed(2) + 'pt; vertical-align: ' + v + ';' : 'vertical-align: middle;'
    return '@' + box.where + '-' + box.pos + ' { content: ' + parts.join(' ') + '; white-space: pre-wrap; text-align: ' + box.pos + '; ' + pad +
      ' font-family: ' + box.fontFamily + '; font-size: ' + box.fontSize + '; font-weight: ' + box.fontWeight + '; color: ' + box.color + '; }'
  }

  // Chinese fonts have no bold face; Chromium's synthetic bold prints as Type 3 glyphs. Bold Chinese text is
  // drawn instead as regular text with two hairline offsets (the overstrike that Word's own fake bold uses), so
  // the font stays embedded as TrueType and the text extracts once.
  var cjk = {}
  CJK_FAMILIES.forEach(function (f) { cjk[f.toLowerCase()] = true })
  function fakeBold(root) {
    root.querySelectorAll('span').forEach(function (el) {
      var cs = getComputedStyle(el)
      if (parseInt(cs.fontWeight, 10) < 600) return
      var first = cs.fontFamily.split(',')[0].trim().replace(/^["']|["']$/g, '').toLowerCase()
      if (!cjk[first]) return
      el.style.fontWeight = 'normal'
      el.style.textShadow = '0.02em 0 0 currentColor, 0.04em 0 0 currentColor'
    })
  }

  async function renderBatch(docs) {
    document.body.textContent = ''
    state.docs = []
    var pageNo = 0
    for (var i = 0; i < docs.length; i++) {
      var holder = document.createElement('div')
      holder.className = 'cb-doc'
      holder.id = 'cbdoc-' + i
      var mark = document.createElement('a')
      mark.className = 'cb-mark'
      mark.href = '#cbdoc-' + i
      holder.appendChild(mark)
      var styles = document.createElement('div')
      styles.style.display = 'none'
      holder.appendChild(styles)
      var body = document.createElement('div')
      body.className = 'cb-body'
      holder.appendChild(body)
      document.body.appendChild(holder)
      var info = { sections: [], error: null }
      state.docs.push(info)
      try {
        var bytes = await prepare(b64ToBytes(docs[i]))
        await docx.renderAsync(bytes, body, styles, {
          className: 'cbx' + i, inWrapper: false, breakPages: true, ignoreLastRenderedPageBreak: true,
          renderHeaders: true, renderFooters: true, renderFootnotes: true, renderEndnotes: true,
          renderComments: false, renderChanges: false, useBase64URL: true, experimental: true
        })
      } catch (e) {
        info.error = String((e && e.message) || e)
        continue
      }
      fakeBold(body)
      // docx-preview's sections become direct children of the document container
      while (body.firstChild) holder.appendChild(body.firstChild)
      holder.removeChild(body)
      var sections = Array.prototype.slice.call(holder.children).filter(function (c) { return c.tagName === 'SECTION' })
      sections.forEach(function (sec) {
        var s = sec.style
        var w = pt(s.width) || 595.3, h = pt(s.minHeight) || 841.9
        var pad = [pt(s.paddingTop), pt(s.paddingRight), pt(s.paddingBottom), pt(s.paddingLeft)].map(function (x) { return x === null ? 72 : x })
        var name = 'cbp' + (pageNo++)
        var header = marginBox(sec.querySelector(':scope > header'), 'top')
        var footer = marginBox(sec.querySelector(':scope > footer'), 'bottom')
        if (header) sec.removeChild(sec.querySelector(':scope > header'))
        if (footer) sec.removeChild(sec.querySelector(':scope > footer'))
        s.removeProperty('padding')
        s.removeProperty('min-height')
        s.width = Math.max(10, w - pad[1] - pad[3]).toFixed(2) + 'pt'
        s.setProperty('page', name)
        if (!holder.style.getPropertyValue('page')) holder.style.setProperty('page', name)
        info.sections.push({ name: name, size: [w, h], margin: pad, header: header && !header.empty ? header : null, footer: footer && !footer.empty ? footer : null, el: sec })
      })
    }
    await document.fonts.ready
    // estimated pages per document from the laid-out height of each section (verified against the printed PDF)
    return state.docs.map(function (d) {
      if (d.error) return { error: d.error, pages: 0 }
      var n = 0
      d.sections.forEach(function (s) {
        var hPt = s.el.getBoundingClientRect().height * 0.75
        var avail = s.size[1] - s.margin[0] - s.margin[2]
        n += Math.max(1, Math.ceil((hPt - 0.5) / Math.max(avail, 10)))
      })
      return { error: null, pages: Math.max(1, n) }
    })
  }

  function applyCounts(counts) {
    var local = [], total = []
    counts.forEach(function (n) { for (var j = 1; j <= n; j++) { local.push('"' + j + '"'); total.push('"' + n + '"') } })
    var css = []
    if (local.length) {
      css.push('@counter-style cb-local { system: fixed 1; symbols: ' + local.join(' ') + '; fallback: decimal; }')
      css.push('@counter-style cb-total { system: fixed 1; symbols: ' + total.join(' ') + '; fallback: decimal; }')
    }
    var counters = { page: 'cb-local', total: 'cb-total' }
    state.docs.forEach(function (d) {
      d.sections.forEach(function (s) {
        var boxes = []
        if (s.header) boxes.push(boxCss(s.header, s.margin[0], counters))
        if (s.footer) boxes.push(boxCss(s.footer, s.margin[2], counters))
        css.push('@page ' + s.name + ' { size: ' + s.size[0].toFixed(2) + 'pt ' + s.size[1].toFixed(2) + 'pt; margin: ' +
          s.margin.map(function (m) { return m.toFixed(2) + 'pt' }).join(' ') + '; ' + boxes.join(' ') + ' }')
      })
    })
    var el = document.getElementById('cb-pages')
    if (!el) { el = document.createElement('style'); el.id = 'cb-pages'; document.head.appendChild(el) }
    el.textContent = css.join('\n')
  }

  window.__cbRendition = { renderBatch: renderBatch, applyCounts: applyCounts }
})()
`.replace('__CJK_FAMILIES__', JSON.stringify(FAMILIES.flatMap(([names]) => names)))
