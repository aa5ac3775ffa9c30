package dev.memplan.web.hostcheck;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.memplan.oom.Databases;
import dev.memplan.oom.OomRanking;

/** Bars for the OOM victim ranking ({@code ${@ranking.rows(r)}}): the first eight, scaled to the victim's points. */
@Component("ranking")
public class RankingView {

	public record Row(int rank, String name, long pid, long points, long oomScore, double width, boolean database) {
	}

	public List<Row> rows(OomRanking ranking) {
		if (ranking == null || ranking.ranked().isEmpty()) {
			return List.of();
		}
		long top = Math.max(1, ranking.ranked().get(0).points());
		List<OomRanking.Scored> shown = ranking.ranked().subList(0, Math.min(8, ranking.ranked().size()));
		return java.util.stream.IntStream.range(0, shown.size()).mapToObj((i) -> {
			OomRanking.Scored s = shown.get(i);
			double width = Math.max(0, Math.round(s.points() * 1000.0 / top)) / 1.0;
			return new Row(i + 1, s.process().name(), s.process().pid(), s.points(), s.oomScore(), width,
					Databases.isDatabase(s.process().name()));
		}).toList();
	}

}
