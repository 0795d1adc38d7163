import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@apollo/client/react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import SentimentDissatisfiedOutlined from '@mui/icons-material/SentimentDissatisfiedOutlined';
import SentimentNeutralOutlined from '@mui/icons-material/SentimentNeutralOutlined';
import SentimentSatisfiedAltOutlined from '@mui/icons-material/SentimentSatisfiedAltOutlined';
import { fieldHelp } from '../../components/FieldHelp';
import { apiProblem } from '../../graphql/errors';
import { RateDossierServiceDocument, type SatisfactionRating } from '../../graphql/generated';

/** The API keeps the first 2,000 characters of a comment. */
const COMMENT_MAX = 2000;

const CHOICES: ReadonlyArray<{ value: SatisfactionRating; icon: typeof SentimentSatisfiedAltOutlined; color: 'success' | 'primary' | 'error' }> = [
  { value: 'SATISFIED', icon: SentimentSatisfiedAltOutlined, color: 'success' },
  { value: 'NEUTRAL', icon: SentimentNeutralOutlined, color: 'primary' },
  { value: 'DISSATISFIED', icon: SentimentDissatisfiedOutlined, color: 'error' },
];

/** Once the result is returned: Hài lòng / Bình thường / Không hài lòng, an optional comment, then thanks. */
export function RatingSection({ code, phone }: { code: string; phone: string }) {
  const { t } = useTranslation();
  const [rating, setRating] = useState<SatisfactionRating | null>(null);
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const [outcome, setOutcome] = useState<'thanks' | 'notRecorded' | 'failed' | null>(null);
  const [rate, { loading }] = useMutation(RateDossierServiceDocument);

  if (outcome === 'thanks') {
    return (
      <Alert severity="success" data-testid="rating-thanks">
        {t('tracking.rating.thanks')}
      </Alert>
    );
  }

  const send = async () => {
    if (!rating) {
      setMissing(true);
      return;
    }
    setOutcome(null);
    try {
      const { data } = await rate({ variables: { code, phone, rating, comment: comment.trim() || null } });
      setOutcome(data?.rateDossierService ? 'thanks' : 'notRecorded');
    } catch (error) {
      setOutcome(apiProblem(error)?.code === 'TOO_MANY_REQUESTS' ? 'notRecorded' : 'failed');
    }
  };

  return (
    <Box component="section" aria-labelledby="rating-title" data-testid="rating" sx={{ borderTop: 1, borderColor: 'divider', pt: 2 }}>
      <Typography id="rating-title" variant="h2" sx={{ fontSize: '1.1rem', mb: 0.5 }}>
        {t('tracking.rating.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        {t('tracking.rating.intro')}
      </Typography>
      <Stack spacing={2}>
        <ToggleButtonGroup
          exclusive
          orientation="vertical"
          fullWidth
          value={rating}
          onChange={(_e, value: SatisfactionRating | null) => {
            if (value) {
              setRating(value);
              setMissing(false);
            }
          }}
          aria-label={t('tracking.rating.choices')}
        >
          {CHOICES.map(({ value, icon: Icon, color }) => (
            <ToggleButton key={value} value={value} color={color} data-testid={`rating-${value}`} sx={{ justifyContent: 'flex-start', gap: 1.5, py: 1.25, textTransform: 'none', fontSize: '1rem' }}>
              <Icon aria-hidden />
              {t(`tracking.rating.${value}`)}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        {missing && (
          <Typography variant="body2" color="error" role="alert">
            {t('tracking.rating.choose')}
          </Typography>
        )}
        <TextField
          label={t('tracking.rating.comment')}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          multiline
          minRows={2}
          fullWidth
          {...fieldHelp({ max: COMMENT_MAX, value: comment })}
          slotProps={{ htmlInput: { 'data-testid': 'rating-comment', maxLength: COMMENT_MAX } }}
        />
        {outcome === 'notRecorded' && <Alert severity="warning">{t('tracking.rating.notRecorded')}</Alert>}
        {outcome === 'failed' && <Alert severity="error">{t('tracking.failed')}</Alert>}
        <Button variant="contained" onClick={() => void send()} disabled={loading} data-testid="rating-submit">
          {loading ? t('tracking.rating.sending') : t('tracking.rating.submit')}
        </Button>
      </Stack>
    </Box>
  );
}
