package storetest

import (
	"fmt"
	"time"

	"github.com/videocatalog/catalog/shared/domain"
)

// Pos returns the n-th position of one binlog file: Pos(n) is older than Pos(n+1).
func Pos(n int) domain.Position {
	return domain.Position{File: "mysql-bin.000001", Pos: int64(n) * 100}
}

// At returns a fixture timestamp n hours after a fixed epoch, at whole seconds
// in UTC so that every adapter round-trips it exactly.
func At(n int) time.Time {
	return time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(n) * time.Hour)
}

// Category is an active category; created and updated at At(0).
func Category(id, name string) domain.Category {
	return domain.Category{ID: id, Name: name, Active: true, Timestamps: stamps(0)}
}

// Genre is an active genre; created and updated at At(0).
func Genre(id, name string) domain.Genre {
	return domain.Genre{ID: id, Name: name, Active: true, Timestamps: stamps(0)}
}

// CastMember is an actor; created and updated at At(0).
func CastMember(id, name string) domain.CastMember {
	return domain.CastMember{ID: id, Name: name, Type: domain.Actor, Timestamps: stamps(0)}
}

// Video is a published, opened, rated "L" video of 2000 lasting 90 minutes.
func Video(id, title string) domain.Video {
	return domain.Video{
		ID: id, Title: title, Published: true, Opened: true, Rating: "L",
		YearLaunched: 2000, Duration: 90, Timestamps: stamps(0),
	}
}

// VideoMedia is a completed video file.
func VideoMedia(id string) domain.VideoMedia {
	return domain.VideoMedia{ID: id, Name: "file " + id, FilePath: "/in/" + id, EncodedPath: "/out/" + id, Status: domain.MediaCompleted}
}

// ImageMedia is an image file.
func ImageMedia(id string) domain.ImageMedia {
	return domain.ImageMedia{ID: id, Name: "image " + id, FilePath: "/img/" + id}
}

func stamps(n int) domain.Timestamps { return domain.Timestamps{CreatedAt: At(n), UpdatedAt: At(n)} }

// Put is the change that writes e at p.
func Put(e domain.Entity, p domain.Position) domain.RowChange {
	return domain.RowChange{Kind: e.EntityKind(), ID: e.EntityID(), Position: p, Entity: e}
}

// Insert is Put with the hint that the database inserted the row.
func Insert(e domain.Entity, p domain.Position) domain.RowChange {
	c := Put(e, p)
	c.Insert = true
	return c
}

// Delete is the change that deletes the row (kind, id) at p.
func Delete(kind domain.Kind, id string, p domain.Position) domain.RowChange {
	return domain.RowChange{Kind: kind, ID: id, Position: p}
}

// Link is the change that inserts the join row (parent, child) of rel at p.
func Link(rel domain.Relation, parent, child string, p domain.Position) domain.RelationChange {
	return domain.RelationChange{Relation: rel, ParentID: parent, ChildID: child, Position: p, Present: true}
}

// Unlink is the change that deletes the join row (parent, child) of rel at p.
func Unlink(rel domain.Relation, parent, child string, p domain.Position) domain.RelationChange {
	return domain.RelationChange{Relation: rel, ParentID: parent, ChildID: child, Position: p}
}

// ID returns a valid entity id made of a prefix and a number, e.g. ID("v", 3) = "v03".
func ID(prefix string, n int) string { return fmt.Sprintf("%s%02d", prefix, n) }
