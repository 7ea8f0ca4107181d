import red from '@material-ui/core/colors/red';
import { makeStyles } from '@material-ui/core/styles';
import Typography, { TypographyProps } from '@material-ui/core/Typography';
import { ElementType, forwardRef } from 'react';

const useStyles = makeStyles(theme => ({
  root: {
    // The palette's error.main (#f44336) as text is about 3.7:1 on white and 2.7:1 on dark paper: below the
    // 4.5:1 of WCAG AA. These two reds give at least 4.6:1 on the light and dark theme backgrounds.
    color: theme.palette.type === 'dark' ? red[200] : red[800],
  },
}));

/**
 * The class name of `ErrorText`'s colour, for text that is an error only sometimes
 * (`className={failed ? errorText : undefined}` instead of `color={failed ? 'error' : ...}`).
 */
export function useErrorTextClassName(): string {
  return useStyles().root;
}

/**
 * Text in an error colour that stays readable in the light and the dark theme. Use it instead of
 * `<Typography color="error">`. It forwards its ref, so a `Tooltip` can wrap it directly.
 */
export const ErrorText = forwardRef<
  HTMLElement,
  Omit<TypographyProps, 'color'> & { component?: ElementType }
>(function ErrorTextWithRef(props, ref) {
  const classes = useStyles();
  const { className, ...rest } = props;
  return (
    <Typography
      {...(rest as TypographyProps)}
      ref={ref}
      className={className ? `${classes.root} ${className}` : classes.root}
    />
  );
});
