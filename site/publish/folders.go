package publish

import (
	"fmt"
	"io"
	"io/fs"

	"github.com/guichet/guichet/site/content"
	"github.com/guichet/guichet/site/datadir"
)

// Folders are a server's two folders, opened: the content folder, read
// through an os.Root so nothing outside it is reached, and the data folder,
// checked for room and locked for this process.
type Folders struct {
	// Content reads the content folder.
	Content fs.FS
	root    io.Closer
	release func()
}

// OpenFolders checks and opens the content folder dir and the data folder
// data: dir must be a folder; data must not be inside it (its database could
// be published), must be writable with room for the index (datadir.Check)
// and must not be used by another server (datadir.Lock).
func OpenFolders(dir, data string) (*Folders, error) {
	if err := content.CheckDir(dir); err != nil {
		return nil, err
	}
	if datadir.Inside(data, dir) {
		return nil, fmt.Errorf("the data folder %s is inside the content folder %s: its database could be published; put it elsewhere (--data)", data, dir)
	}
	if err := datadir.Check(data, datadir.Need(dir, data)); err != nil {
		return nil, err
	}
	fsys, root, err := content.OpenDir(dir)
	if err != nil {
		return nil, err
	}
	release, err := datadir.Lock(data)
	if err != nil {
		root.Close()
		return nil, err
	}
	datadir.RemoveLeftovers(data) // ours now: no other server writes them
	return &Folders{Content: fsys, root: root, release: release}, nil
}

// Close releases the data folder and closes the content folder.
func (f *Folders) Close() error {
	f.release()
	return f.root.Close()
}
