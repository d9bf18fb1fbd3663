package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// checkDataDir makes sure the data folder can hold what start-up writes
// (the events database, the search index and the render cache) before
// anything is built, so that a read-only or full disk is one clear error
// instead of a half-written index: it creates the folder, writes and
// removes a probe file, and compares the free space with need bytes.
func checkDataDir(dir string, need int64) error {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return dataDirError(dir, err)
	}
	f, err := os.CreateTemp(dir, ".guichet-probe-*")
	if err != nil {
		return dataDirError(dir, err)
	}
	_, werr := f.Write(make([]byte, 64<<10))
	serr := f.Sync()
	cerr := f.Close()
	os.Remove(f.Name())
	if err := errors.Join(werr, serr, cerr); err != nil {
		return dataDirError(dir, err)
	}
	if free, ok := freeSpace(dir); ok && free < need {
		return fmt.Errorf("data folder %s: %d MB free, about %d MB are needed for the database and the search index: free some space or give another folder with --data",
			dir, free>>20, (need+(1<<20)-1)>>20)
	}
	return nil
}

// dataDirError says in words what stops the data folder from being used.
func dataDirError(dir string, err error) error {
	switch {
	case errors.Is(err, syscall.EROFS):
		return fmt.Errorf("data folder %s is on a read-only file system: give a writable folder with --data", dir)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("data folder %s is not writable by this user: change its owner or give another folder with --data", dir)
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return fmt.Errorf("data folder %s: the disk is full: free some space or give another folder with --data", dir)
	}
	return fmt.Errorf("data folder %s cannot be written: %w", dir, err)
}

// dataNeed estimates the bytes start-up writes for a content folder: the
// search index and render cache measured at about twice the Markdown on
// the Microsoft corpus, plus room for the database.
func dataNeed(content string) int64 {
	var total int64
	filepath.WalkDir(content, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if info, err := d.Info(); err == nil {
				total += info.Size()
			}
		}
		return nil
	})
	return 2*total + 16<<20
}
