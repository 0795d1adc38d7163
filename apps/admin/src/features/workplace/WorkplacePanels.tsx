import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import { Link as RouterLink } from "react-router";
import Box from "@mui/material/Box";
import Link from "@mui/material/Link";
import List from "@mui/material/List";
import ListItem from "@mui/material/ListItem";
import ListItemButton from "@mui/material/ListItemButton";
import ListItemText from "@mui/material/ListItemText";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import type {
  HandoverStatus,
  SiteStatus,
  WorkplaceSiteFragment,
} from "../../graphql/generated";
import { formatDate } from "../../dates";
import { HandoverStatusChip, SiteStatusChip } from "../rollout/SiteStatusChip";

export const siteHref = (siteId: string) => `/rollout/sites/${siteId}`;

/** "All N …" under a list cut at `limit`, to the page that lists them all. */
function More({
  total,
  limit,
  href,
  label,
}: {
  total: number;
  limit?: number;
  href?: string;
  label: string;
}) {
  if (!limit || !href || total <= limit) return null;
  return (
    <Link
      component={RouterLink}
      to={href}
      sx={{ display: "inline-block", mt: 1.5 }}
      data-testid="workplace-more"
    >
      {label}
    </Link>
  );
}

interface ListProps {
  sites: readonly WorkplaceSiteFragment[];
  empty: string;
  /** Show at most this many, with a link to `moreHref` for the rest. */
  limit?: number;
  moreHref?: string;
}

/** The pilot sites of a workplace: which programme and phase, status since when, the partner post office. */
export function SiteList({ sites, empty, limit, moreHref }: ListProps) {
  const { t } = useTranslation();
  if (sites.length === 0)
    return (
      <Typography color="text.secondary" data-testid="workplace-no-site">
        {empty}
      </Typography>
    );
  return (
    <>
      <List disablePadding data-testid="workplace-sites">
        {sites.slice(0, limit).map((site) => (
          <ListItem
            key={site.id}
            disablePadding
            divider
            data-testid="workplace-site"
          >
            <ListItemButton
              component={RouterLink}
              to={siteHref(site.id)}
              sx={{ px: 1, alignItems: "flex-start" }}
            >
              <Stack spacing={0.5} sx={{ minWidth: 0, flexGrow: 1, py: 0.5 }}>
                <Stack
                  direction="row"
                  spacing={1}
                  sx={{ alignItems: "center", flexWrap: "wrap", rowGap: 0.5 }}
                >
                  <Typography
                    sx={{ fontWeight: 500, overflowWrap: "anywhere" }}
                  >
                    {site.oneStopDesk.name}
                  </Typography>
                  <SiteStatusChip status={site.status} late={site.late} />
                </Stack>
                <Typography variant="body2" color="text.secondary">
                  {t("workplace.site.statusSince", {
                    status: t(`rollout.labels.siteStatus.${site.status}`),
                    date: formatDate(site.statusSince),
                  })}
                  {" · "}
                  {t("workplace.site.model", {
                    model: t(
                      `rollout.labels.handoverModel.${site.handoverModel}`,
                    ),
                  })}
                  {site.postOffice &&
                    ` · ${t("workplace.site.partner", { name: site.postOffice.name })}`}
                </Typography>
                <Typography
                  variant="body2"
                  color="text.secondary"
                  sx={{ overflowWrap: "anywhere" }}
                >
                  {site.phase.name} · {site.programme.code}
                </Typography>
              </Stack>
            </ListItemButton>
          </ListItem>
        ))}
      </List>
      <More
        total={sites.length}
        limit={limit}
        href={moreHref}
        label={t("workplace.allSites", { count: sites.length })}
      />
    </>
  );
}

type HandoverKind = "personnel" | "facility";

interface HandoverRow {
  id: string;
  kind: HandoverKind;
  site: WorkplaceSiteFragment;
  status: HandoverStatus;
  statusSince: string;
  recordNumber?: string | null;
  recordSignedOn?: string | null;
  effectiveOn?: string | null;
}

function handoversOf(sites: readonly WorkplaceSiteFragment[]): HandoverRow[] {
  return sites
    .flatMap((site) => [
      ...site.personnelHandovers.map((h) => ({
        ...h,
        kind: "personnel" as const,
        site,
      })),
      ...site.facilityHandovers.map((h) => ({
        ...h,
        kind: "facility" as const,
        site,
      })),
    ])
    .sort((a, b) => b.statusSince.localeCompare(a.statusSince));
}

/** The handovers (personnel and facility) of the sites, newest first, each linked to its site's page. */
export function HandoverList({ sites, empty, limit, moreHref }: ListProps) {
  const { t } = useTranslation();
  const rows = handoversOf(sites);
  if (rows.length === 0)
    return (
      <Typography color="text.secondary" data-testid="workplace-no-handover">
        {empty}
      </Typography>
    );
  return (
    <>
      <List disablePadding data-testid="workplace-handovers">
        {rows.slice(0, limit).map((row) => {
          const details = [
            row.recordNumber &&
              t("workplace.handover.record", { number: row.recordNumber }),
            row.recordSignedOn &&
              t("workplace.handover.signedOn", {
                date: formatDate(row.recordSignedOn),
              }),
            row.effectiveOn &&
              t("workplace.handover.effectiveOn", {
                date: formatDate(row.effectiveOn),
              }),
          ].filter(Boolean);
          return (
            <ListItem
              key={`${row.kind}-${row.id}`}
              disablePadding
              divider
              data-testid="workplace-handover"
              data-kind={row.kind}
            >
              <ListItemButton
                component={RouterLink}
                to={siteHref(row.site.id)}
                sx={{ px: 1, gap: 1, alignItems: "flex-start" }}
              >
                <ListItemText
                  sx={{ minWidth: 0, m: 0 }}
                  primary={`${t(`workplace.handover.kind.${row.kind}`)} · ${row.site.oneStopDesk.name}`}
                  secondary={
                    details.length
                      ? details.join(" · ")
                      : t("workplace.handover.noRecord")
                  }
                  slotProps={{ primary: { sx: { overflowWrap: "anywhere" } } }}
                />
                <Box sx={{ flexShrink: 0, pt: 0.25 }}>
                  <HandoverStatusChip status={row.status} />
                </Box>
              </ListItemButton>
            </ListItem>
          );
        })}
      </List>
      <More
        total={rows.length}
        limit={limit}
        href={moreHref}
        label={t("workplace.allHandovers", { count: rows.length })}
      />
    </>
  );
}

interface Change {
  key: string;
  on: string;
  site: WorkplaceSiteFragment;
  text: ReactNode;
}

/** Status moves of the sites and handovers' latest steps, newest first. */
export function recentChanges(
  sites: readonly WorkplaceSiteFragment[],
  t: TFunction,
): Change[] {
  const status = (s: SiteStatus) => t(`rollout.labels.siteStatus.${s}`);
  const moves: Change[] = sites.flatMap((site) =>
    site.history.map((h) => ({
      key: `move-${h.id}`,
      on: h.on,
      site,
      text: h.fromStatus
        ? t("workplace.changes.moved", {
            from: status(h.fromStatus),
            to: status(h.toStatus),
          })
        : t("workplace.changes.enrolled"),
    })),
  );
  const handovers: Change[] = handoversOf(sites).map((h) => ({
    key: `${h.kind}-${h.id}`,
    on: h.statusSince,
    site: h.site,
    text: t("workplace.changes.handover", {
      kind: t(`workplace.handover.kind.${h.kind}`),
      status: t(`rollout.labels.handoverStatus.${h.status}`),
    }),
  }));
  return [...moves, ...handovers].sort((a, b) => b.on.localeCompare(a.on));
}

/** "What is new": the latest changes to the sites, each with its day and a link to the site. */
export function RecentChanges({
  sites,
  empty,
  limit = 8,
}: {
  sites: readonly WorkplaceSiteFragment[];
  empty: string;
  limit?: number;
}) {
  const { t } = useTranslation();
  const changes = recentChanges(sites, t).slice(0, limit);
  if (changes.length === 0)
    return (
      <Typography color="text.secondary" data-testid="workplace-no-change">
        {empty}
      </Typography>
    );
  return (
    <Box
      component="ol"
      sx={{ listStyle: "none", m: 0, p: 0 }}
      data-testid="workplace-changes"
    >
      {changes.map((change) => (
        <Box
          component="li"
          key={change.key}
          data-testid="workplace-change"
          sx={{
            display: "flex",
            gap: 2,
            py: 1,
            borderBottom: 1,
            borderColor: "divider",
          }}
        >
          <Typography
            variant="body2"
            color="text.secondary"
            sx={{
              flexShrink: 0,
              fontVariantNumeric: "tabular-nums",
              minWidth: 84,
            }}
          >
            {formatDate(change.on)}
          </Typography>
          <Typography
            variant="body2"
            sx={{
              minWidth: 0,
              overflowWrap: "anywhere",
              "&::first-letter": { textTransform: "uppercase" },
            }}
          >
            {/* One site: its name is on the page already. */}
            {sites.length > 1 && (
              <>
                <Link component={RouterLink} to={siteHref(change.site.id)}>
                  {change.site.oneStopDesk.name}
                </Link>
                {": "}
              </>
            )}
            {change.text}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}
