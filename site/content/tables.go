package content

import (
	"bytes"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// codePipeTables reads a table whose cells hold a pipe inside inline code,
// `| `a|b` | or |`, as MkDocs (Python-Markdown) and kramdown read it: the
// code span is one cell, where GFM splits it into "`a" and "b`". It runs
// before goldmark's table transformer and takes only such tables; the
// others are goldmark's. A `\|` inside code shows as `|`, as on GitHub.
type codePipeTables struct{}

// codePipesKey holds, per render, the offsets of the backslashes of `\|`
// inside code spans of the tables codePipeTables made (codePipeEscapes).
var codePipesKey = parser.NewContextKey()

// Transform implements parser.ParagraphTransformer.
func (codePipeTables) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	lines := node.Lines()
	if lines.Len() < 2 {
		return
	}
	src := reader.Source()
	for i := 1; i < lines.Len(); i++ {
		delim := lines.At(i)
		aligns := tableDelimiter(delim.Value(src))
		if aligns == nil {
			continue
		}
		rows := make([][]text.Segment, 0, lines.Len()-i)
		var escapes []int
		inCode := false
		for j := i - 1; j < lines.Len(); j++ {
			if j == i {
				continue
			}
			cells, esc, split := splitTableRow(lines.At(j), src)
			rows = append(rows, cells)
			escapes = append(escapes, esc...)
			inCode = inCode || split
		}
		if !inCode || len(rows[0]) != len(aligns) {
			return // goldmark's table, or none
		}
		table := east.NewTable()
		table.Alignments = aligns
		table.SetPos(node.Pos())
		for r, cells := range rows {
			row := east.NewTableRow(aligns)
			for c := range aligns {
				cell := east.NewTableCell()
				cell.Alignment = aligns[c]
				if c < len(cells) {
					cell.Lines().Append(cells[c])
				}
				row.AppendChild(row, cell)
			}
			if r == 0 {
				table.AppendChild(table, east.NewTableHeader(row))
			} else {
				table.AppendChild(table, row)
			}
		}
		if len(escapes) > 0 {
			prev, _ := pc.Get(codePipesKey).([]int)
			pc.Set(codePipesKey, append(prev, escapes...))
		}
		node.Lines().SetSliced(0, i-1)
		node.Parent().InsertAfter(node.Parent(), node, table)
		if node.Lines().Len() == 0 {
			node.Parent().RemoveChild(node.Parent(), node)
		} else {
			last := node.Lines().At(i - 2)
			last.Stop-- // the text above the table ends before its newline
			node.Lines().Set(i-2, last)
		}
		return
	}
}

// tableDelimiter returns the alignments of a GFM delimiter row
// (`|:--|--:|`), nil when line is none.
func tableDelimiter(line []byte) []east.Alignment {
	line = bytes.TrimSpace(line)
	if !bytes.ContainsAny(line, "|-") || !bytes.Contains(line, []byte("-")) {
		return nil
	}
	cols := bytes.Split(line, []byte("|"))
	if len(cols) > 0 && len(bytes.TrimSpace(cols[0])) == 0 {
		cols = cols[1:]
	}
	if len(cols) > 0 && len(bytes.TrimSpace(cols[len(cols)-1])) == 0 {
		cols = cols[:len(cols)-1]
	}
	if len(cols) == 0 || (len(cols) == 1 && !bytes.Contains(line, []byte("|"))) {
		return nil
	}
	aligns := make([]east.Alignment, 0, len(cols))
	for _, col := range cols {
		col = bytes.TrimSpace(col)
		left, right := bytes.HasPrefix(col, []byte(":")), bytes.HasSuffix(col, []byte(":"))
		dashes := bytes.Trim(col, ":")
		if len(dashes) == 0 || len(bytes.Trim(dashes, "-")) != 0 {
			return nil
		}
		switch {
		case left && right:
			aligns = append(aligns, east.AlignCenter)
		case left:
			aligns = append(aligns, east.AlignLeft)
		case right:
			aligns = append(aligns, east.AlignRight)
		default:
			aligns = append(aligns, east.AlignNone)
		}
	}
	return aligns
}

// splitTableRow splits a table row into its cells' segments, trimmed: at
// each `|` that is neither escaped (`\|`) nor inside a code span. escapes
// are the offsets of the backslashes of `\|` inside code spans, and
// inCode reports whether a pipe inside a code span was kept in its cell
// (GFM would have split there).
func splitTableRow(seg text.Segment, src []byte) (cells []text.Segment, escapes []int, inCode bool) {
	seg = seg.TrimLeftSpace(src)
	seg = seg.TrimRightSpace(src)
	line := seg.Value(src)
	pos, limit := 0, len(line)
	if limit > 0 && line[0] == '|' {
		pos++
	}
	if limit > pos && line[limit-1] == '|' && (limit < 2 || line[limit-2] != '\\') {
		limit--
	}
	cell := func(from, to int) {
		s := text.NewSegment(seg.Start+from, seg.Start+to)
		s = s.TrimLeftSpace(src)
		cells = append(cells, s.TrimRightSpace(src))
	}
	start := pos
	for i := pos; i < limit; {
		switch line[i] {
		case '\\':
			i += 2
		case '`':
			n := 1
			for i+n < limit && line[i+n] == '`' {
				n++
			}
			end := closingTicks(line[:limit], i+n, n)
			if end < 0 {
				i += n // no closing run: literal backticks
				continue
			}
			for k := i + n; k < end; k++ {
				if line[k] == '|' {
					if line[k-1] == '\\' {
						escapes = append(escapes, seg.Start+k-1)
					} else {
						inCode = true
					}
				}
			}
			i = end + n
		case '|':
			cell(start, i)
			i++
			start = i
		default:
			i++
		}
	}
	if start < limit || len(cells) == 0 {
		cell(start, min(limit, len(line)))
	}
	return cells, escapes, inCode
}

// closingTicks returns where the first run of exactly n backticks at or
// after from starts in line, -1 when there is none.
func closingTicks(line []byte, from, n int) int {
	for i := from; i < len(line); {
		if line[i] != '`' {
			i++
			continue
		}
		k := i
		for k < len(line) && line[k] == '`' {
			k++
		}
		if k-i == n {
			return i
		}
		i = k
	}
	return -1
}

// codePipeEscapes drops the backslash of each `\|` inside a code span of
// the tables codePipeTables made, as goldmark does for its own tables.
type codePipeEscapes struct{}

// Transform implements parser.ASTTransformer.
func (codePipeEscapes) Transform(root *ast.Document, reader text.Reader, pc parser.Context) {
	escapes, _ := pc.Get(codePipesKey).([]int)
	if len(escapes) == 0 {
		return
	}
	pc.Set(codePipesKey, nil)
	at := map[int]bool{}
	for _, e := range escapes {
		at[e] = true
	}
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Kind() != ast.KindCodeSpan {
			return ast.WalkContinue, nil
		}
		for c := n.FirstChild(); c != nil; {
			next := c.NextSibling()
			t, ok := c.(*ast.Text)
			if !ok {
				c = next
				continue
			}
			cur := ast.Node(t)
			s := t.Segment
			for k := s.Start; k < s.Stop; k++ {
				if !at[k] {
					continue
				}
				before := ast.NewRawTextSegment(s.WithStop(k))
				after := ast.NewRawTextSegment(s.WithStart(k + 1))
				n.InsertAfter(n, cur, before)
				n.InsertAfter(n, before, after)
				n.RemoveChild(n, cur)
				cur, s = after, after.Segment
			}
			c = next
		}
		return ast.WalkContinue, nil
	})
}
