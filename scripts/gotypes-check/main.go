// Command gotypes-check type-checks every package of the standard library from source with go/types,
// in one process: the reference point of scripts/bench-check.
//
// Each package is parsed and checked once: a caching importer checks imports on demand, depth first.
// File selection is go/build's for GOOS/GOARCH from the environment, with cgo off and the tags g1c uses
// (DESIGN §7: purego, math_big_pure_go). Run with GO111MODULE=off so that go/build resolves imports in
// GOPATH mode (GOROOT/src and its vendor directories), as g1c does.
//
// Output: one line, "N packages, M with errors", and the first error of each failing package on stderr.
package main

import (
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

type importer struct {
	ctx    build.Context
	fset   *token.FileSet
	sizes  types.Sizes
	pkgs   map[string]*types.Package // by directory
	failed int
	count  int
}

func (im *importer) Import(path string) (*types.Package, error) {
	return im.ImportFrom(path, "", 0)
}

func (im *importer) ImportFrom(path, dir string, _ types.ImportMode) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	bp, err := im.ctx.Import(path, dir, 0)
	if err != nil {
		return nil, err
	}
	return im.check(bp)
}

func (im *importer) check(bp *build.Package) (*types.Package, error) {
	if p, ok := im.pkgs[bp.Dir]; ok {
		if p == nil {
			return nil, fmt.Errorf("import cycle through %s", bp.ImportPath)
		}
		return p, nil
	}
	im.pkgs[bp.Dir] = nil
	var files []*ast.File
	for _, name := range bp.GoFiles {
		f, err := parser.ParseFile(im.fset, filepath.Join(bp.Dir, name), nil, parser.ParseComments)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	var first error
	conf := types.Config{
		Importer: im,
		Sizes:    im.sizes,
		Error: func(err error) {
			if first == nil {
				first = err
			}
		},
	}
	p, _ := conf.Check(bp.ImportPath, im.fset, files, nil)
	im.count++
	if first != nil {
		im.failed++
		fmt.Fprintf(os.Stderr, "%s: %v\n", bp.ImportPath, first)
	}
	im.pkgs[bp.Dir] = p
	return p, nil
}

func main() {
	ctx := build.Default
	ctx.CgoEnabled = false
	ctx.BuildTags = []string{"purego", "math_big_pure_go"}
	// One spelling of GOROOT (it may be a symlink), so that each directory is one package and vendor
	// directories are found.
	if src, err := filepath.EvalSymlinks(filepath.Join(ctx.GOROOT, "src")); err == nil {
		ctx.GOROOT = filepath.Dir(src)
	}
	goarch := ctx.GOARCH
	im := &importer{ctx: ctx, fset: token.NewFileSet(), sizes: types.SizesFor("gc", goarch), pkgs: map[string]*types.Package{}}
	src := filepath.Join(ctx.GOROOT, "src")
	var dirs []string
	filepath.Walk(src, func(path string, info os.FileInfo, err error) error {
		if err != nil || !info.IsDir() {
			return nil
		}
		name := info.Name()
		rel, _ := filepath.Rel(src, path)
		if path != src && (name == "testdata" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") || rel == "cmd" || rel == "builtin") {
			return filepath.SkipDir
		}
		dirs = append(dirs, path)
		return nil
	})
	sort.Strings(dirs)
	for _, d := range dirs {
		bp, err := ctx.ImportDir(d, 0)
		if err != nil {
			continue // no buildable Go files (or only tests)
		}
		if bp.ImportPath == "unsafe" {
			continue
		}
		rel, _ := filepath.Rel(src, d)
		bp.ImportPath = filepath.ToSlash(rel)
		if _, err := im.check(bp); err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", rel, err)
			im.failed++
		}
	}
	fmt.Printf("%d packages, %d with errors\n", im.count, im.failed)
}
