#!/usr/bin/env bash
# Times the duplicate check (TXT-003.1, TXT-003.2) on a generated notice of N problem items
# (default 20000), each with a random statement, a status and two measures, one of them
# the same formula in every item. Prints the elapsed time only.
# Usage: bench/dup_bench.sh path/to/noticelint [N]
set -eu
bin=$1
n=${2:-20000}
src=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mkdir "$tmp/rules"
cp "$src/rules/integrity.yml" "$tmp/rules/"

# Random statements from a table of common Han characters (3 bytes each in UTF-8).
LC_ALL=C awk -v n="$n" 'BEGIN {
	t = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质影"
	nt = length(t) / 3
	srand(20251212)
	print "中共某县卫生健康局党组"
	print "关于巡察整改进展情况的通报"
	print ""
	print "二、集中整改期内整改进展情况"
	print "1.落实中央重大决策部署有差距。"
	for (i = 1; i <= n; i++) {
		s = ""
		for (k = 0; k < 60; k++)
			s = s substr(t, 3 * int(rand() * nt) + 1, 3)
		m = ""
		for (k = 0; k < 36; k++)
			m = m substr(t, 3 * int(rand() * nt) + 1, 3)
		print "问题：" s "。"
		print "整改结果：阶段性完成。"
		print "整改情况：一是严格落实整改责任，确保问题整改到位，切实巩固提升整改成效；二是" m "。"
	}
}' >"$tmp/notice.txt"

TIMEFORMAT="duplicate check, $n items: %R s"
time "$bin" --no-default-rules --rules "$tmp/rules" --format json "$tmp/notice.txt" >/dev/null ||
	[ $? -eq 1 ]
