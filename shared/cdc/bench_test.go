package cdc

import (
	"os"
	"testing"
)

// BenchmarkDecode decodes one video change as Debezium sends it with
// JsonConverter schemas off (the deployed setting) and on.
func BenchmarkDecode(b *testing.B) {
	withSchema, err := os.ReadFile("testdata/videos_create_schemas_on.json")
	if err != nil {
		b.Fatal(err)
	}
	cases := map[string]string{
		"schemas-off": `{"before":null,"after":{"id":"` + videoID + `","title":"Cidade de Deus","description":"Buscapé cresce na Cidade de Deus","year_launched":2002,"opened":false,"published":true,"rating":"16","duration":"MsQ=","created_at":` + micros + `,"updated_at":` + micros + `},` +
			`"source":{"version":"3.6.0.Final","connector":"mysql","name":"adm_videos_mysql","ts_ms":1767225600000,"snapshot":"false","db":"adm_videos","table":"videos","server_id":1,"file":"mysql-bin.000003","pos":4711,"row":0},"op":"c","ts_ms":1767225600001}`,
		"schemas-on": string(withSchema),
	}
	for name, data := range cases {
		b.Run(name, func(b *testing.B) {
			e := kafkaEvent("adm_videos_mysql.adm_videos.videos", data)
			if _, err := Decode(e); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Decode(e); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
