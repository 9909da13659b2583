package diff

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the ops, stats and rows sections of testdata/*.txt")

// TestCases runs the case files in testdata (see testdata/README.md).
func TestCases(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no testdata/*.txt")
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txt"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			sec := map[string]int{}
			for i, f := range ar.Files {
				sec[f.Name] = i
			}
			for _, name := range []string{"old", "new"} {
				if _, ok := sec[name]; !ok {
					t.Fatalf("%s: no -- %s -- section", file, name)
				}
			}
			old, new := string(ar.Files[sec["old"]].Data), string(ar.Files[sec["new"]].Data)

			r := Words(old, new)
			checkResult(t, old, new, r)
			got := map[string]string{"ops": formatOps(r.Ops) + "\n"}
			if _, ok := sec["stats"]; ok {
				got["stats"] = formatStats(r)
			}
			if _, ok := sec["rows"]; ok {
				rows := Rows(old, new)
				checkRows(t, old, new, rows)
				got["rows"] = formatRows(rows)
			}

			changed := false
			for _, name := range []string{"ops", "stats", "rows"} {
				g, ok := got[name]
				if !ok {
					continue
				}
				i, have := sec[name]
				want := ""
				if have {
					want = string(ar.Files[i].Data)
				}
				if g == want {
					continue
				}
				if *update {
					if have {
						ar.Files[i].Data = []byte(g)
					} else {
						ar.Files = append(ar.Files, txtar.File{Name: name, Data: []byte(g)})
					}
					changed = true
					continue
				}
				t.Errorf("%s: %s mismatch (-want +got):\n-%s\n+%s", file, name,
					strings.ReplaceAll(want, "\n", "\n-"), strings.ReplaceAll(g, "\n", "\n+"))
			}
			if changed {
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

// formatOps renders ops for reading: equal text as is, [-deleted-],
// {+inserted+}, [moved-from#1:text] and {moved-to#1:text}, the latter
// showing the inner diff when the text changed on its way.
func formatOps(ops []Op) string {
	var b strings.Builder
	for _, op := range ops {
		switch op.Kind {
		case Equal:
			b.WriteString(op.Text)
		case Delete:
			b.WriteString("[-" + op.Text + "-]")
		case Insert:
			b.WriteString("{+" + op.Text + "+}")
		case MoveFrom:
			fmt.Fprintf(&b, "[moved-from#%d:%s]", op.MoveID, op.Text)
		case MoveTo:
			text := op.Text
			if op.Inner != nil {
				text = formatOps(op.Inner)
			}
			fmt.Fprintf(&b, "{moved-to#%d:%s}", op.MoveID, text)
		default:
			fmt.Fprintf(&b, "<%v?%s>", op.Kind, op.Text)
		}
	}
	return b.String()
}

func formatStats(r Result) string {
	s := r.Stats
	return fmt.Sprintf("inserted=%d deleted=%d moved=%d changes=%d share=%.3f replaced=%v\n",
		s.Inserted, s.Deleted, s.Moved, s.Changes, s.Share, r.Replaced)
}

// formatRows renders one line per row: old label | new label: ops. A label
// is "-" for an empty side and "_" for a paragraph without a number.
func formatRows(rows []Row) string {
	var b strings.Builder
	lbl := func(present bool, l string) string {
		switch {
		case !present:
			return "-"
		case l == "":
			return "_"
		}
		return l
	}
	for _, r := range rows {
		fmt.Fprintf(&b, "%s|%s: ", lbl(r.Old != "", r.OldNumber), lbl(r.New != "", r.NewNumber))
		if r.Replaced {
			b.WriteString("(replaced) ")
		}
		b.WriteString(formatOps(r.Ops))
		b.WriteString("\n")
	}
	return b.String()
}
