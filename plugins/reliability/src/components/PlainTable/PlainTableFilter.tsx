import InputAdornment from '@material-ui/core/InputAdornment';
import TextField from '@material-ui/core/TextField';
import SearchIcon from '@material-ui/icons/Search';
import { useId } from 'react';

/** A column-independent text filter of a plain table: what a row is found by, and the field's label. */
export interface PlainTableFilterOptions<Row> {
  /** Names the field ("Filter services"). */
  label: string;
  /** The text a row is found by (its name, owner, …). */
  text: (row: Row) => string;
}

/** Whether a row's text holds every word of the query, ignoring case (an empty query matches every row). */
export function matchesFilter(text: string, query: string): boolean {
  const haystack = text.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .every(word => haystack.includes(word));
}

/** The filter's search field, above the table. */
export function PlainTableFilter(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  className?: string;
}) {
  // Ties the label to its input.
  const id = useId();
  return (
    <TextField
      id={id}
      type="search"
      size="small"
      variant="outlined"
      label={props.label}
      value={props.value}
      onChange={event => props.onChange(event.target.value)}
      className={props.className}
      InputProps={{
        startAdornment: (
          <InputAdornment position="start">
            <SearchIcon fontSize="small" />
          </InputAdornment>
        ),
      }}
    />
  );
}
