//! Reading a static archive (`ar` format), the container rustc writes a staticlib in.
//!
//! In: the archive's bytes. Out: its members in file order, each a name and a slice of the archive's bytes.
//! The symbol index (`/`, `/SYM64/`, or BSD `__.SYMDEF`) is skipped: the linker reads every member's own
//! symbol table instead, which gives the same answer and keeps one source of truth. The GNU long-name table
//! (`//`) is read to name members whose names do not fit the 16-byte header field.
//!
//! Layout (System V / GNU `ar`): the magic `!<arch>\n`, then members, each a 60-byte header
//! `name[16] mtime[12] uid[6] gid[6] mode[8] size[10] "`\n"` followed by `size` bytes of data and one
//! padding byte `\n` when `size` is odd, so every header starts at an even offset.
//!
//! Invariant: malformed input gives an `Err` naming the offset, never a panic.

pub const MAGIC: &[u8] = b"!<arch>\n";
const THIN_MAGIC: &[u8] = b"!<thin>\n";
const HEADER_LEN: usize = 60;

/// One archive member.
#[derive(Clone, Debug)]
pub struct Member<'a> {
    pub name: String,
    pub data: &'a [u8],
}

/// Splits an archive into its members, in file order.
pub fn read(bytes: &[u8]) -> Result<Vec<Member<'_>>, String> {
    if bytes.starts_with(THIN_MAGIC) {
        return Err("runtime archive: thin archives are not supported".into());
    }
    if !bytes.starts_with(MAGIC) {
        return Err("runtime archive: not an ar archive (missing !<arch> magic)".into());
    }
    let mut members = Vec::new();
    let mut long_names: &[u8] = &[];
    let mut pos = MAGIC.len();
    while pos < bytes.len() {
        if bytes.len() - pos < HEADER_LEN {
            return Err(format!("runtime archive: truncated member header at offset {pos}"));
        }
        let header = &bytes[pos..pos + HEADER_LEN];
        if &header[58..60] != b"`\n" {
            return Err(format!("runtime archive: bad member header at offset {pos}"));
        }
        let raw_name = field(&header[0..16]);
        let size_text = field(&header[48..58]);
        let size: usize =
            size_text.parse().map_err(|_| format!("runtime archive: bad member size {size_text:?} at offset {pos}"))?;
        let start = pos + HEADER_LEN;
        let end = start
            .checked_add(size)
            .filter(|&end| end <= bytes.len())
            .ok_or_else(|| format!("runtime archive: member at offset {pos} ({size} bytes) runs past the end"))?;
        let mut data = &bytes[start..end];
        // The next header starts at an even offset.
        pos = end + (size & 1);

        let name = match raw_name {
            // The symbol index (GNU 32- and 64-bit forms, BSD form): not needed, see the module comment.
            "/" | "/SYM64/" | "__.SYMDEF" | "__.SYMDEF SORTED" => continue,
            "//" => {
                long_names = data;
                continue;
            }
            _ if raw_name.starts_with("#1/") => {
                // BSD: the name is stored at the start of the data.
                let n: usize = raw_name[3..]
                    .parse()
                    .map_err(|_| format!("runtime archive: bad BSD name length {raw_name:?} at offset {pos}"))?;
                if n > data.len() {
                    return Err(format!("runtime archive: BSD name longer than its member at offset {pos}"));
                }
                let name = String::from_utf8_lossy(&data[..n]).trim_end_matches('\0').to_string();
                data = &data[n..];
                name
            }
            _ if raw_name.starts_with('/') => {
                // GNU: `/N` is offset N in the long-name table; names there end with "/\n".
                let off: usize =
                    raw_name[1..].parse().map_err(|_| format!("runtime archive: bad member name {raw_name:?}"))?;
                if off >= long_names.len() {
                    return Err(format!("runtime archive: long name offset {off} outside the name table"));
                }
                let rest = &long_names[off..];
                let len = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
                let name = &rest[..len];
                let name = name.strip_suffix(b"/").unwrap_or(name);
                String::from_utf8_lossy(name).into_owned()
            }
            // GNU short names end with '/'; BSD short names are padded with spaces only.
            _ => raw_name.strip_suffix('/').unwrap_or(raw_name).to_string(),
        };
        members.push(Member { name, data });
    }
    Ok(members)
}

/// A header field: ASCII, padded with spaces on the right.
fn field(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).unwrap_or("").trim_end_matches(' ')
}
