// Command generate writes the bundled sample catalog, catalog.jsonl: Kafka
// records of Debezium change events (JsonConverter, schemas off) for an initial
// snapshot of the admin database followed by a few streamed changes.
//
//	go run ./shared/sample/generate > shared/sample/catalog.jsonl
package main

import (
	"crypto/md5"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"math/big"
	"os"
	"time"
)

// record is one Kafka record as the sample package replays it.
type record struct {
	Topic     string         `json:"topic"`
	Partition int            `json:"partition"`
	Offset    int64          `json:"offset"`
	Key       map[string]any `json:"key"`
	Value     map[string]any `json:"value"` // nil for a tombstone
}

type writer struct {
	enc     *json.Encoder
	offsets map[string]int64
	pos     int64
	clock   time.Time
}

const prefix = "adm_videos_mysql"

func id(kind, name string) string {
	sum := md5.Sum([]byte(kind + ":" + name))
	return hex.EncodeToString(sum[:])
}

func micros(t time.Time) int64 { return t.UnixMicro() }

// decimal encodes v with scale 2 as Debezium's precise mode does: Java's
// BigInteger.toByteArray of the unscaled value, big-endian two's complement.
func decimal(v float64) string {
	b := big.NewInt(int64(v*100 + 0.5)).Bytes()
	if len(b) == 0 || b[0]&0x80 != 0 {
		b = append([]byte{0}, b...)
	}
	return base64.StdEncoding.EncodeToString(b)
}

func (w *writer) emit(table, op string, key, before, after map[string]any, snapshot string) {
	topic := prefix + ".adm_videos." + table
	source := map[string]any{
		"version": "3.6.0.Final", "connector": "mysql", "name": prefix,
		"ts_ms": w.clock.UnixMilli(), "snapshot": snapshot, "db": "adm_videos",
		"table": table, "server_id": 1, "gtid": nil, "file": "mysql-bin.000003",
		"pos": w.pos, "row": 0, "thread": nil, "query": nil,
	}
	if snapshot == "false" {
		w.pos += 421 // each streamed row event sits further along the binlog
		source["pos"] = w.pos
	}
	rec := record{
		Topic: topic, Offset: w.offsets[topic], Key: key,
		Value: map[string]any{"before": before, "after": after, "source": source, "op": op,
			"ts_ms": w.clock.UnixMilli(), "transaction": nil},
	}
	w.offsets[topic]++
	w.clock = w.clock.Add(time.Second)
	if err := w.enc.Encode(rec); err != nil {
		panic(err)
	}
}

// tombstone writes the null-valued record Debezium follows a delete with.
func (w *writer) tombstone(table string, key map[string]any) {
	topic := prefix + ".adm_videos." + table
	if err := w.enc.Encode(record{Topic: topic, Offset: w.offsets[topic], Key: key}); err != nil {
		panic(err)
	}
	w.offsets[topic]++
}

func (w *writer) snapshotRow(table string, row map[string]any) {
	w.emit(table, "r", keyOf(row), nil, row, "true")
}

func keyOf(row map[string]any) map[string]any {
	if v, ok := row["id"]; ok {
		return map[string]any{"id": v}
	}
	key := map[string]any{}
	for k, v := range row {
		key[k] = v
	}
	return key
}

func main() {
	w := &writer{enc: json.NewEncoder(os.Stdout), offsets: map[string]int64{}, pos: 1570,
		clock: time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)}
	created := micros(time.Date(2026, 10, 1, 12, 0, 0, 0, time.UTC))
	audit := func(row map[string]any, n int) map[string]any {
		row["created_at"] = created + int64(n)*3_600_000_000
		row["updated_at"] = created + int64(n)*3_600_000_000
		return row
	}

	categoryIDs := map[string]string{}
	for i, c := range categories {
		cid := id("category", c.name)
		categoryIDs[c.name] = cid
		row := audit(map[string]any{"id": cid, "name": c.name, "description": c.description,
			"active": !c.inactive, "deleted_at": nil}, i)
		if c.deleted {
			row["deleted_at"] = created + 99*3_600_000_000
		}
		w.snapshotRow("categories", row)
	}
	genreIDs := map[string]string{}
	for i, g := range genres {
		gid := id("genre", g.name)
		genreIDs[g.name] = gid
		w.snapshotRow("genres", audit(map[string]any{"id": gid, "name": g.name, "active": !g.inactive, "deleted_at": nil}, i))
		for _, c := range g.categories {
			w.snapshotRow("genres_categories", map[string]any{"genre_id": gid, "category_id": categoryIDs[c]})
		}
	}
	castIDs := map[string]string{}
	for i, c := range cast {
		cid := id("cast_member", c.name)
		castIDs[c.name] = cid
		w.snapshotRow("cast_members", audit(map[string]any{"id": cid, "name": c.name, "type": c.kind}, i))
	}
	for i, v := range videos {
		vid := id("video", v.title)
		media := map[string]any{}
		for _, m := range []struct{ column, name, status string }{
			{"video_id", "video", v.status}, {"trailer_id", "trailer", "COMPLETED"},
		} {
			mid := id("video_media", v.title+"/"+m.name)
			encoded := ""
			if m.status == "COMPLETED" {
				encoded = "videos/" + vid + "/" + m.name + "/master.m3u8"
			}
			w.snapshotRow("videos_video_media", map[string]any{"id": mid, "name": m.name + ".mp4",
				"checksum": id("checksum", mid), "file_path": "uploads/" + vid + "/" + m.name + ".mp4",
				"encoded_path": encoded, "media_status": m.status})
			media[m.column] = mid
		}
		for _, m := range []struct{ column, name string }{
			{"banner_id", "banner"}, {"thumbnail_id", "thumbnail"}, {"thumbnail_half_id", "thumbnail_half"},
		} {
			mid := id("image_media", v.title+"/"+m.name)
			w.snapshotRow("videos_image_media", map[string]any{"id": mid, "name": m.name + ".jpg",
				"checksum": id("checksum", mid), "file_path": "images/" + vid + "/" + m.name + ".jpg"})
			media[m.column] = mid
		}
		row := audit(map[string]any{"id": vid, "title": v.title, "description": v.description,
			"year_launched": v.year, "opened": v.opened, "published": !v.draft, "rating": v.rating,
			"duration": decimal(v.duration)}, i)
		for k, m := range media {
			row[k] = m
		}
		w.snapshotRow("videos", row)
		for _, c := range v.categories {
			w.snapshotRow("videos_categories", map[string]any{"video_id": vid, "category_id": categoryIDs[c]})
		}
		for _, g := range v.genres {
			w.snapshotRow("videos_genres", map[string]any{"video_id": vid, "genre_id": genreIDs[g]})
		}
		for _, c := range v.cast {
			w.snapshotRow("videos_cast_members", map[string]any{"video_id": vid, "cast_member_id": castIDs[c]})
		}
	}

	// Streamed changes after the snapshot: an encoding finishes, a join row is
	// added and one removed, a cast member is deleted.
	finished := videos[len(videos)-1]
	fid := id("video", finished.title)
	mid := id("video_media", finished.title+"/video")
	mediaRow := func(status, encoded string) map[string]any {
		return map[string]any{"id": mid, "name": "video.mp4", "checksum": id("checksum", mid),
			"file_path": "uploads/" + fid + "/video.mp4", "encoded_path": encoded, "media_status": status}
	}
	w.emit("videos_video_media", "u", map[string]any{"id": mid}, mediaRow("PROCESSING", ""),
		mediaRow("COMPLETED", "videos/"+fid+"/video/master.m3u8"), "false")
	link := map[string]any{"video_id": id("video", videos[0].title), "genre_id": genreIDs["Aventura"]}
	w.emit("videos_genres", "c", link, nil, link, "false")
	unlink := map[string]any{"video_id": id("video", videos[1].title), "category_id": categoryIDs[videos[1].categories[0]]}
	w.emit("videos_categories", "d", unlink, unlink, nil, "false")
	w.tombstone("videos_categories", unlink)
	gone := cast[len(cast)-1]
	goneRow := audit(map[string]any{"id": castIDs[gone.name], "name": gone.name, "type": gone.kind}, len(cast)-1)
	w.emit("cast_members", "d", map[string]any{"id": castIDs[gone.name]}, goneRow, nil, "false")
	w.tombstone("cast_members", map[string]any{"id": castIDs[gone.name]})
}
