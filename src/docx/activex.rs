//! ActiveX check boxes and option buttons (`w:control` → `word/activeX/activeXN.xml` →
//! `activeXN.bin`). Their state lives only in the binary MS-OFORMS `MorphDataControl` stream,
//! whose persisted `Value` property is the string "1" (checked) or "0" (unchecked).

use std::io::{Cursor, Read};

/// `Forms.CheckBox.1`.
pub const CLSID_CHECKBOX: &str = "8BD21D40-EC42-11CE-9E0D-00AA006002F3";
/// `Forms.OptionButton.1`.
pub const CLSID_OPTION_BUTTON: &str = "8BD21D50-EC42-11CE-9E0D-00AA006002F3";

/// The kind of an ActiveX class id that counts as a mark, or `None`.
pub fn mark_kind(classid: &str) -> Option<&'static str> {
    let id = classid
        .trim()
        .trim_start_matches('{')
        .trim_end_matches('}')
        .to_ascii_uppercase();
    match id.as_str() {
        CLSID_CHECKBOX => Some("Forms.CheckBox.1"),
        CLSID_OPTION_BUTTON => Some("Forms.OptionButton.1"),
        _ => None,
    }
}

const CFB_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Decode the checked state from an `activeXN.bin` part: a compound file holding a `contents`
/// stream (`persistStorage`), or the stream itself after a 16-byte class id (`persistStream`).
pub fn decode_state(bin: &[u8]) -> Option<bool> {
    if bin.starts_with(&CFB_MAGIC) {
        let mut cf = cfb::CompoundFile::open(Cursor::new(bin)).ok()?;
        let mut stream = cf
            .open_stream("/contents")
            .or_else(|_| cf.open_stream("/Contents"))
            .ok()?;
        let mut data = Vec::new();
        // The MorphData stream of a check box is tens of bytes; bound it anyway.
        stream.by_ref().take(1 << 20).read_to_end(&mut data).ok()?;
        morph_data_value(&data)
    } else {
        morph_data_value(bin.get(16..)?)
    }
}

/// Sizes of the `MorphDataPropMask` fields held in the DataBlock, by mask bit (0 = not in the
/// DataBlock). Per MS-OFORMS 2.2.5.2.
const DATA_SIZES: [usize; 33] = [
    4, 4, 4, 4, 1, 1, 1, 1, // VariousPropertyBits … MousePointer
    0, // Size (ExtraDataBlock)
    2, 4, 2, 2, 2, 2, 2, // PasswordChar … cColumnInfo
    1, 1, 1, 0, 1, 1, // MatchEntry … MultiSelect (bit 19 unused)
    4, 4, // Value, Caption
    4, 4, 1, 2, 2, 2, // PicturePosition … Accelerator
    0, 0, // unused, reserved
    4, // GroupName
];

const BIT_SIZE: usize = 8;
const BIT_VALUE: usize = 22;

/// Read the `Value` string of a MorphDataControl stream: "1" → checked, "0" or no value →
/// unchecked, anything else (e.g. "2", a grey triple state) → unknown.
fn morph_data_value(d: &[u8]) -> Option<bool> {
    let u16_at = |o: usize| d.get(o..o + 2).map(|b| u16::from_le_bytes([b[0], b[1]]));
    let u32_at = |o: usize| {
        d.get(o..o + 4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    };
    let major = *d.get(1)?;
    if major != 2 {
        return None;
    }
    let cb = usize::from(u16_at(2)?);
    let lo = u64::from(u32_at(4)?);
    let hi = u64::from(u32_at(8)?);
    let mask = lo | (hi << 32);
    let has = |bit: usize| mask & (1u64 << bit) != 0;
    if !has(BIT_VALUE) {
        return Some(false);
    }
    let end = (4 + cb).min(d.len());
    let mut pos = 12usize;
    let mut value_count: Option<u32> = None;
    for (bit, &size) in DATA_SIZES.iter().enumerate() {
        if size == 0 || !has(bit) {
            continue;
        }
        pos = pos.div_ceil(size) * size;
        if pos + size > end {
            return None;
        }
        if bit == BIT_VALUE {
            value_count = u32_at(pos);
        }
        pos += size;
    }
    let value_count = value_count?;
    // ExtraDataBlock: Size (8 bytes) first, then Value.
    pos = pos.div_ceil(4) * 4;
    if has(BIT_SIZE) {
        pos += 8;
    }
    let compressed = value_count & 0x8000_0000 != 0;
    let len = usize::try_from(value_count & 0x7FFF_FFFF).ok()?;
    let raw = d.get(pos..pos.checked_add(len)?)?;
    let value: String = if compressed {
        raw.iter().map(|&b| char::from(b)).collect()
    } else {
        let units: Vec<u16> = raw
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    };
    match value.trim_end_matches('\0') {
        "1" | "-1" | "True" | "true" => Some(true),
        "0" | "" | "False" | "false" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_ids() {
        assert_eq!(
            mark_kind("{8BD21D40-EC42-11CE-9E0D-00AA006002F3}"),
            Some("Forms.CheckBox.1")
        );
        assert_eq!(
            mark_kind("{8bd21d50-ec42-11ce-9e0d-00aa006002f3}"),
            Some("Forms.OptionButton.1")
        );
        assert_eq!(mark_kind("{8BD21D10-EC42-11CE-9E0D-00AA006002F3}"), None);
    }

    #[test]
    fn morph_data_checkbox() {
        // From a real Word check box: BackColor, ForeColor, DisplayStyle, Size, Value, Caption.
        let mut d = vec![0x00, 0x02, 0x30, 0x00, 0x46, 0x01, 0xC0, 0x80, 0, 0, 0, 0];
        d.extend([0xFF, 0xFF, 0xFF, 0x00, 0, 0, 0, 0, 0x04, 0, 0, 0]);
        d.extend([0x01, 0, 0, 0x80, 0x05, 0, 0, 0x80]);
        d.extend([0xE2, 0x0E, 0, 0, 0xE5, 0x02, 0, 0]);
        let mut on = d.clone();
        on.extend(b"1\0\0\0First\0\0\0");
        d.extend(b"0\0\0\0First\0\0\0");
        assert_eq!(morph_data_value(&on), Some(true));
        assert_eq!(morph_data_value(&d), Some(false));
        // No Value property: the default, unchecked.
        let bare = [
            0x00, 0x02, 0x0C, 0x00, 0x01, 0x01, 0x00, 0x80, 0, 0, 0, 0, 0, 0, 0, 0,
        ];
        assert_eq!(morph_data_value(&bare), Some(false));
        assert_eq!(morph_data_value(&[1, 2, 3]), None);
    }
}
